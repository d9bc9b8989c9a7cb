package dev.airalert.delivery;

import dev.airalert.event.AlertEvent;
import dev.airalert.outbox.OutboxClaim;
import dev.airalert.security.SecretBox;
import dev.airalert.subscription.Subscription;
import dev.airalert.subscription.WebhookFormat;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The delivery queue in SQL: a row per delivery to be sent (again), claimed and leased as every
 * outbox is ({@link OutboxClaim}), the lease outlasting a request. A later event of an alert
 * chain waits while an earlier one for the same subscription is queued: that is what keeps
 * alert, update, cancel in order.
 */
@ApplicationScoped
class DeliveryQueue {

    private static final Logger LOG = Logger.getLogger(DeliveryQueue.class);

    private static final String CLAIM = """
            SELECT q.delivery_id, q.subscription_id FROM delivery_queue q
            WHERE q.due_at <= ?
              AND EXISTS (SELECT 1 FROM subscription s WHERE s.id = q.subscription_id AND s.enabled = TRUE)
              AND NOT EXISTS (SELECT 1 FROM delivery_queue e WHERE e.subscription_id = q.subscription_id
                              AND e.chain_key = q.chain_key AND e.event_seq < q.event_seq)
            ORDER BY q.due_at LIMIT ? FOR UPDATE SKIP LOCKED""";

    private static final String LOAD = """
            SELECT d.id, d.attempts, s.id, s.url, s.secret, s.previous_secret, s.previous_secret_until,
                   s.languages, e.seq, e.id, e.type, e.created_at, e.chain_key, s.format,
                   a.state, a.expires_at, s.deliver_late, s.place
            FROM delivery d JOIN subscription s ON s.id = d.subscription_id
            JOIN alert_event e ON e.seq = d.event_seq
            LEFT JOIN alert a ON a.id = e.alert_id WHERE d.id = ANY(?)""";

    /** A due queue row: the delivery, and its subscription (whose endpoint may have no slot free). */
    private record Due(UUID delivery, UUID subscription) {
    }

    private static final OutboxClaim<Due> CLAIMS = new OutboxClaim<>("delivery_queue", "due_at", "delivery_id", "uuid",
            null, rs -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), Due::delivery);

    private final AgroalDataSource dataSource;
    private final SecretBox box;

    DeliveryQueue(AgroalDataSource dataSource, SecretBox box) {
        this.dataSource = dataSource;
        this.box = box;
    }

    /**
     * Claims up to {@code limit} due deliveries that {@code accept} takes (the dispatcher's
     * per-endpoint limit), leases them until {@code leaseUntil}, and returns them ready to send.
     */
    List<Outgoing> claim(int limit, Instant now, Instant leaseUntil, Predicate<UUID> accept) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<UUID> taken;
                try (PreparedStatement select = c.prepareStatement(CLAIM)) {
                    select.setTimestamp(1, Timestamp.from(now));
                    select.setInt(2, limit);
                    taken = CLAIMS.claim(c, select, rows -> rows.stream().filter(r -> accept.test(r.subscription()))
                            .toList(), null, Timestamp.from(leaseUntil)).stream().map(Due::delivery).toList();
                }
                List<Outgoing> outgoing = new ArrayList<>();
                if (taken.isEmpty()) {
                    c.commit();
                    return outgoing;
                }
                try (PreparedStatement load = c.prepareStatement(LOAD)) {
                    load.setArray(1, c.createArrayOf("uuid", taken.toArray()));
                    try (ResultSet rs = load.executeQuery()) {
                        while (rs.next()) {
                            try {
                                outgoing.add(outgoing(rs, now, leaseUntil));
                            } catch (IllegalStateException e) {
                                // Its secret does not open: it stays leased and comes back; the others go.
                                LOG.errorf("Delivery %s cannot be signed: %s", rs.getObject(1), e.getMessage());
                            }
                        }
                    }
                }
                c.commit();
                return outgoing;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Outgoing outgoing(ResultSet rs, Instant now, Instant leaseUntil) throws SQLException {
        Timestamp previousUntil = rs.getTimestamp(7);
        List<String> secrets = Subscription.signingSecrets(box, rs.getObject(3, UUID.class), rs.getString(5),
                rs.getString(6), previousUntil == null ? null : previousUntil.toInstant(), now);
        String languages = rs.getString(8);
        Timestamp expires = rs.getTimestamp(16);
        AlertEnds.State ends = AlertEnds.State.of(rs.getString(11), rs.getString(15),
                expires == null ? null : expires.toInstant());
        return new Outgoing(rs.getObject(1, UUID.class), rs.getObject(3, UUID.class), rs.getString(4), secrets,
                languages.isBlank() ? List.of() : Arrays.asList(languages.split(",")), rs.getInt(2),
                rs.getLong(9), AlertEvent.publicId(rs.getObject(10, UUID.class)), rs.getString(13), rs.getString(11),
                rs.getTimestamp(12).toInstant(), leaseUntil, null, WebhookFormat.of(rs.getString(14)),
                ends.ended(), ends.expires(), rs.getBoolean(17), rs.getString(18));
    }

    /**
     * Removes queue rows the claim never gives out: of subscriptions deleted while one of their
     * requests was in flight (the delivery tables keep no foreign keys), and of subscriptions
     * whose key was revoked (an attempt in flight then came back to the queue; it fails now).
     */
    int sweepOrphans(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement fail = c.prepareStatement("UPDATE delivery SET status = ?,"
                        + " next_attempt_at = NULL, finished_at = ? WHERE id IN (SELECT q.delivery_id FROM delivery_queue q"
                        + " JOIN subscription s ON s.id = q.subscription_id WHERE s.owner_revoked_at IS NOT NULL)");
                PreparedStatement sweep = c.prepareStatement("DELETE FROM delivery_queue q WHERE NOT EXISTS"
                        + " (SELECT 1 FROM subscription s WHERE s.id = q.subscription_id AND s.owner_revoked_at IS NULL)")) {
            fail.setString(1, DeliveryStatus.FAILED.code());
            fail.setTimestamp(2, Timestamp.from(now));
            fail.executeUpdate();
            return sweep.executeUpdate();
        }
    }

    /** Queues the event for these subscriptions, due now, in the caller's transaction: a delivery row and a queue row each. */
    void enqueue(AlertEvent event, Collection<UUID> subscriptions, Instant now) {
        Timestamp created = Timestamp.from(now);
        try (Connection c = dataSource.getConnection();
                PreparedStatement delivery = c.prepareStatement("INSERT INTO delivery (id, subscription_id,"
                        + " event_seq, status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?, ?)");
                PreparedStatement queue = c.prepareStatement("INSERT INTO delivery_queue (delivery_id,"
                        + " subscription_id, chain_key, event_seq, due_at) VALUES (?, ?, ?, ?, ?)")) {
            for (UUID subscription : subscriptions) {
                UUID id = DeliveryIds.next();
                delivery.setObject(1, id);
                delivery.setObject(2, subscription);
                delivery.setLong(3, event.seq());
                delivery.setString(4, DeliveryStatus.PENDING.code());
                delivery.setTimestamp(5, created);
                delivery.setTimestamp(6, created);
                delivery.addBatch();
                queue.setObject(1, id);
                queue.setObject(2, subscription);
                queue.setString(3, event.chainKey());
                queue.setLong(4, event.seq());
                queue.setTimestamp(5, created);
                queue.addBatch();
            }
            delivery.executeBatch();
            queue.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue deliveries of event " + event.seq(), e);
        }
    }
}
