package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what attempts gave, many at once: the attempt log row, the delivery's new status,
 * the queue row (gone when delivered or given up, due again otherwise) and the
 * subscription's health (failing since when; disabled after 410 or after failing too long).
 * One transaction per batch, so a fan-out to thousands is not thousands of commits.
 */
@ApplicationScoped
class OutcomeRecorder {

    static final String GONE = "the endpoint answered 410 Gone";

    private final AgroalDataSource dataSource;
    private final RetryPolicy retries;
    private final Duration disableAfter;

    OutcomeRecorder(AgroalDataSource dataSource, RetryPolicy retries, AirAlertConfig config) {
        this.dataSource = dataSource;
        this.retries = retries;
        this.disableAfter = config.webhooks().disableAfter();
    }

    void record(List<Outcome> outcomes, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statements s = new Statements(c)) {
                Set<UUID> healthy = new LinkedHashSet<>();
                Set<UUID> failing = new LinkedHashSet<>();
                Set<UUID> gone = new LinkedHashSet<>();
                for (Outcome o : outcomes) {
                    int attempt = o.delivery().attemptsMade() + 1;
                    UUID id = o.delivery().deliveryId();
                    Instant next = null;
                    String status;
                    if (o.succeeded()) {
                        status = "delivered";
                        healthy.add(o.delivery().subscriptionId());
                    } else if (Integer.valueOf(410).equals(o.statusCode())) {
                        // Paused, not failed: it goes out when the owner enables the subscription.
                        status = "pending";
                        next = now;
                        gone.add(o.delivery().subscriptionId());
                    } else {
                        Optional<Instant> retry = retries.next(attempt, o.statusCode(), o.retryAfter(), now);
                        status = retry.isPresent() ? "pending" : "failed";
                        next = retry.orElse(null);
                        failing.add(o.delivery().subscriptionId());
                    }
                    s.attempt(id, attempt, o, next);
                    s.delivery(id, status, attempt, next, next == null ? o.at() : null);
                    if (next == null) {
                        s.dequeue(id);
                    } else {
                        s.reschedule(id, next);
                    }
                }
                for (UUID sub : healthy) {
                    s.healthy(sub);
                }
                for (UUID sub : failing) {
                    s.failing(sub, now, now.minus(disableAfter),
                            "failing continuously for longer than " + disableAfter.toString().substring(2).toLowerCase());
                }
                for (UUID sub : gone) {
                    s.disable(sub, GONE, now);
                }
                s.execute();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The batched statements of one recording. */
    private static final class Statements implements AutoCloseable {
        private final PreparedStatement attempt;
        private final PreparedStatement delivery;
        private final PreparedStatement dequeue;
        private final PreparedStatement reschedule;
        private final PreparedStatement healthy;
        private final PreparedStatement failingSince;
        private final PreparedStatement disableFailing;
        private final PreparedStatement disable;

        Statements(Connection c) throws SQLException {
            attempt = c.prepareStatement("INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at,"
                    + " status_code, latency_ms, response_excerpt, error, next_retry_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            delivery = c.prepareStatement("UPDATE delivery SET status = ?, attempts = ?, next_attempt_at = ?,"
                    + " finished_at = ? WHERE id = ?");
            dequeue = c.prepareStatement("DELETE FROM delivery_queue WHERE delivery_id = ?");
            reschedule = c.prepareStatement("UPDATE delivery_queue SET due_at = ? WHERE delivery_id = ?");
            healthy = c.prepareStatement("UPDATE subscription SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL");
            failingSince = c.prepareStatement("UPDATE subscription SET failing_since = ? WHERE id = ? AND failing_since IS NULL");
            disableFailing = c.prepareStatement("UPDATE subscription SET enabled = FALSE, disabled_reason = ?,"
                    + " disabled_at = ?, updated_at = ? WHERE id = ? AND enabled = TRUE AND failing_since <= ?");
            disable = c.prepareStatement("UPDATE subscription SET enabled = FALSE, disabled_reason = ?,"
                    + " disabled_at = ?, updated_at = ? WHERE id = ? AND enabled = TRUE");
        }

        void attempt(UUID id, int number, Outcome o, Instant next) throws SQLException {
            attempt.setObject(1, id);
            attempt.setInt(2, number);
            attempt.setTimestamp(3, Timestamp.from(o.at()));
            if (o.statusCode() == null) {
                attempt.setNull(4, Types.INTEGER);
            } else {
                attempt.setInt(4, o.statusCode());
            }
            attempt.setInt(5, (int) Math.min(Integer.MAX_VALUE, o.latencyMillis()));
            attempt.setString(6, o.responseExcerpt());
            attempt.setString(7, o.error());
            attempt.setTimestamp(8, next == null ? null : Timestamp.from(next));
            attempt.addBatch();
        }

        void delivery(UUID id, String status, int attempts, Instant next, Instant finished) throws SQLException {
            delivery.setString(1, status);
            delivery.setInt(2, attempts);
            delivery.setTimestamp(3, next == null ? null : Timestamp.from(next));
            delivery.setTimestamp(4, finished == null ? null : Timestamp.from(finished));
            delivery.setObject(5, id);
            delivery.addBatch();
        }

        void dequeue(UUID id) throws SQLException {
            dequeue.setObject(1, id);
            dequeue.addBatch();
        }

        void reschedule(UUID id, Instant due) throws SQLException {
            reschedule.setTimestamp(1, Timestamp.from(due));
            reschedule.setObject(2, id);
            reschedule.addBatch();
        }

        void healthy(UUID subscription) throws SQLException {
            healthy.setObject(1, subscription);
            healthy.addBatch();
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

        private List<PreparedStatement> all() {
            return List.of(attempt, delivery, dequeue, reschedule, healthy, failingSince, disableFailing, disable);
        }

        void execute() throws SQLException {
            for (PreparedStatement p : all()) {
                p.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement p : all()) {
                p.close();
            }
        }
    }
}
