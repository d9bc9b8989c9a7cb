package dev.airalert.delivery;

import dev.airalert.alert.AlertHistory;
import dev.airalert.alert.AlertView;
import dev.airalert.subscription.SubscriptionMatcher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns outbox events into deliveries: claims a few outbox rows (SKIP LOCKED, so every
 * instance can run this), finds the matching subscriptions, writes one delivery and one
 * queue row per subscription, and deletes the outbox row, all in one transaction. A crash
 * before the commit leaves the outbox row for the next try; after it, the queue has it.
 */
@ApplicationScoped
class FanOut {

    private static final int EVENTS_PER_TRANSACTION = 20;

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final SubscriptionMatcher matcher;
    private final AlertHistory alerts;
    private final Clock clock = Clock.systemUTC();

    FanOut(EntityManager em, AgroalDataSource dataSource, SubscriptionMatcher matcher, AlertHistory alerts) {
        this.em = em;
        this.dataSource = dataSource;
        this.matcher = matcher;
        this.alerts = alerts;
    }

    /** Fans out what is waiting; returns how many events it handled. */
    int runOnce() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> claimed = em.createNativeQuery("SELECT event_seq FROM event_outbox"
                    + " ORDER BY event_seq LIMIT " + EVENTS_PER_TRANSACTION + " FOR UPDATE SKIP LOCKED")
                    .getResultList();
            for (Number seq : claimed) {
                AlertEvent event = em.find(AlertEvent.class, seq.longValue());
                enqueue(event, subscribers(event));
                em.createNativeQuery("DELETE FROM event_outbox WHERE event_seq = ?1")
                        .setParameter(1, event.seq).executeUpdate();
            }
            return claimed.size();
        });
    }

    private List<UUID> subscribers(AlertEvent event) {
        Optional<AlertView> alert = alerts.find(event.alertId, null);
        if (alert.isEmpty()) {
            return List.of();
        }
        List<AlertView> related = Arrays.stream(event.relatedAlertIds.split(",")).filter(s -> !s.isBlank())
                .map(id -> alerts.find(UUID.fromString(id), null)).flatMap(Optional::stream).toList();
        return matcher.matching(alert.get(), related);
    }

    /** Queues the event for these subscriptions: batched, because one alert may reach thousands. */
    void enqueue(AlertEvent event, List<UUID> subscriptions) {
        if (subscriptions.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = dataSource.getConnection();
                PreparedStatement delivery = c.prepareStatement("INSERT INTO delivery (id, subscription_id,"
                        + " event_seq, status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)");
                PreparedStatement queue = c.prepareStatement("INSERT INTO delivery_queue (delivery_id,"
                        + " subscription_id, chain_key, event_seq, due_at) VALUES (?, ?, ?, ?, ?)")) {
            for (UUID subscription : subscriptions) {
                UUID id = UUID.randomUUID();
                delivery.setObject(1, id);
                delivery.setObject(2, subscription);
                delivery.setLong(3, event.seq);
                delivery.setTimestamp(4, now);
                delivery.setTimestamp(5, now);
                delivery.addBatch();
                queue.setObject(1, id);
                queue.setObject(2, subscription);
                queue.setString(3, event.chainKey);
                queue.setLong(4, event.seq);
                queue.setTimestamp(5, now);
                queue.addBatch();
            }
            delivery.executeBatch();
            queue.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue deliveries of event " + event.seq, e);
        }
    }

    /** Delivers past events to one subscription again: new deliveries, same event ids. */
    int replay(UUID subscription, Instant since) {
        @SuppressWarnings("unchecked")
        List<Number> seqs = em.createNativeQuery("SELECT DISTINCT d.event_seq FROM delivery d"
                + " JOIN alert_event e ON e.seq = d.event_seq WHERE d.subscription_id = ?1 AND e.created_at >= ?2"
                + " ORDER BY d.event_seq").setParameter(1, subscription).setParameter(2, since).getResultList();
        List<AlertEvent> events = new ArrayList<>();
        seqs.forEach(seq -> events.add(em.find(AlertEvent.class, seq.longValue())));
        em.flush();
        events.forEach(e -> enqueue(e, List.of(subscription)));
        return events.size();
    }
}
