package dev.airalert.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The batched statements of one recording of outcomes: every row and update is added to a
 * batch (the new delivery and attempt rows to multi-row inserts), and all are executed
 * together, rows first, then what refers to them.
 */
final class OutcomeStatements implements AutoCloseable {

    private final RowsInsert insert = new RowsInsert("delivery", List.of("id", "subscription_id", "event_seq", "status",
            "attempts", "created_at", "next_attempt_at", "finished_at"), Types.OTHER, Types.OTHER, Types.BIGINT,
            Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP);
    private final PreparedStatement enqueue;
    private final RowsInsert attempt = new RowsInsert("delivery_attempt", List.of("delivery_id", "attempt",
            "attempted_at", "status_code", "latency_ms", "response_excerpt", "error", "next_retry_at"), Types.OTHER,
            Types.INTEGER, Types.TIMESTAMP, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP);
    private final PreparedStatement delivery;
    private final PreparedStatement dequeue;
    private final List<UUID> dequeued = new ArrayList<>();
    private final List<UUID> healthySubscriptions = new ArrayList<>();
    private final Connection connection;
    private final PreparedStatement reschedule;
    private final PreparedStatement healthy;
    private final PreparedStatement failingSince;
    private final PreparedStatement disableFailing;
    private final PreparedStatement disable;

    OutcomeStatements(Connection c) throws SQLException {
        connection = c;
        enqueue = c.prepareStatement("INSERT INTO delivery_queue (delivery_id, subscription_id, chain_key,"
                + " event_seq, due_at) VALUES (?, ?, ?, ?, ?)");
        delivery = c.prepareStatement("UPDATE delivery SET status = ?, attempts = ?, next_attempt_at = ?,"
                + " finished_at = ? WHERE id = ?");
        dequeue = c.prepareStatement("DELETE FROM delivery_queue WHERE delivery_id = ANY(?)");
        reschedule = c.prepareStatement("UPDATE delivery_queue SET due_at = ? WHERE delivery_id = ?");
        // One statement for a whole batch: a fan-out's successes touch thousands of subscriptions.
        healthy = c.prepareStatement("UPDATE subscription SET failing_since = NULL"
                + " WHERE failing_since IS NOT NULL AND id = ANY(?)");
        failingSince = c.prepareStatement("UPDATE subscription SET failing_since = ? WHERE id = ? AND failing_since IS NULL");
        disableFailing = c.prepareStatement("UPDATE subscription SET enabled = FALSE, disabled_reason = ?,"
                + " disabled_at = ?, updated_at = ? WHERE id = ? AND enabled = TRUE AND failing_since <= ?");
        disable = c.prepareStatement("UPDATE subscription SET enabled = FALSE, disabled_reason = ?,"
                + " disabled_at = ?, updated_at = ? WHERE id = ? AND enabled = TRUE");
    }

    void insert(Outgoing d, DeliveryStatus status, int attempts, Instant next, Instant finished) {
        insert.add(d.deliveryId(), d.subscriptionId(), d.eventSeq(), status.code(), attempts,
                Timestamp.from(d.handoff().at()), timestamp(next), timestamp(finished));
    }

    void enqueue(Outgoing d, Instant due) throws SQLException {
        enqueue.setObject(1, d.deliveryId());
        enqueue.setObject(2, d.subscriptionId());
        enqueue.setString(3, d.chainKey());
        enqueue.setLong(4, d.eventSeq());
        enqueue.setTimestamp(5, Timestamp.from(due));
        enqueue.addBatch();
    }

    void attempt(UUID id, int number, Outcome o, Instant next) {
        attempt.add(id, number, Timestamp.from(o.at()), o.statusCode(), (int) Math.min(Integer.MAX_VALUE,
                o.latencyMillis()), o.responseExcerpt(), o.error(), timestamp(next));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    void delivery(UUID id, DeliveryStatus status, int attempts, Instant next, Instant finished) throws SQLException {
        delivery.setString(1, status.code());
        delivery.setInt(2, attempts);
        delivery.setTimestamp(3, next == null ? null : Timestamp.from(next));
        delivery.setTimestamp(4, finished == null ? null : Timestamp.from(finished));
        delivery.setObject(5, id);
        delivery.addBatch();
    }

    void dequeue(UUID id) {
        dequeued.add(id);
    }

    void reschedule(UUID id, Instant due) throws SQLException {
        reschedule.setTimestamp(1, Timestamp.from(due));
        reschedule.setObject(2, id);
        reschedule.addBatch();
    }

    void healthy(Set<UUID> subscriptions) {
        this.healthySubscriptions.addAll(subscriptions);
    }

    void failing(UUID subscription, Instant now, Instant failingTooLongIfBefore, String reason) throws SQLException {
        failingSince.setTimestamp(1, Timestamp.from(now));
        failingSince.setObject(2, subscription);
        failingSince.addBatch();
        disableFailing.setString(1, reason);
        disableFailing.setTimestamp(2, Timestamp.from(now));
        disableFailing.setTimestamp(3, Timestamp.from(now));
        disableFailing.setObject(4, subscription);
        disableFailing.setTimestamp(5, Timestamp.from(failingTooLongIfBefore));
        disableFailing.addBatch();
    }

    void disable(UUID subscription, String reason, Instant now) throws SQLException {
        disable.setString(1, reason);
        disable.setTimestamp(2, Timestamp.from(now));
        disable.setTimestamp(3, Timestamp.from(now));
        disable.setObject(4, subscription);
        disable.addBatch();
    }

    void execute() throws SQLException {
        // Rows first, then what refers to them.
        insert.execute(connection);
        enqueue.executeBatch();
        attempt.execute(connection);
        delivery.executeBatch();
        executeForAll(dequeue, dequeued);
        reschedule.executeBatch();
        executeForAll(healthy, healthySubscriptions);
        failingSince.executeBatch();
        disableFailing.executeBatch();
        disable.executeBatch();
    }

    private void executeForAll(PreparedStatement p, List<UUID> ids) throws SQLException {
        if (!ids.isEmpty()) {
            p.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            p.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement p : List.of(enqueue, delivery, dequeue, reschedule, healthy, failingSince,
                disableFailing, disable)) {
            p.close();
        }
    }
}
