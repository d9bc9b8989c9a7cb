package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import dev.airalert.delivery.OutcomeDecision.Decision;
import dev.airalert.outbox.Backoff;
import dev.airalert.subscription.WebhookFormat;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Writes what attempts gave, many at once, as {@link OutcomeDecision} decides: the attempt log
 * row, the delivery's new status, the queue row (gone when delivered or given up, due again
 * otherwise) and the subscription's health. A delivery handed straight from the fan-out has no
 * row yet: its first outcome inserts it (and a queue row only if it is to be tried again); one
 * whose first attempt takes long gets a pending row and a queue row leased to this instance
 * before the outcome is known ({@link EarlyRows}). One transaction per batch, so a fan-out to
 * thousands is not thousands of commits.
 */
@ApplicationScoped
class OutcomeRecorder {

    private final AgroalDataSource dataSource;
    private final Backoff backoff;
    private final Duration disableAfter;

    OutcomeRecorder(AgroalDataSource dataSource, AirAlertConfig config) {
        this.dataSource = dataSource;
        // +-20% jitter: receivers coming back are not hit by every retry at the same instant.
        this.backoff = new Backoff(config.webhooks().retrySchedule(), config.webhooks().maxRetryAfter(), 0.2);
        this.disableAfter = config.webhooks().disableAfter();
    }

    /** Records these outcomes, and gives the {@code unfinished} handed deliveries their rows. */
    void record(List<Outcome> outcomes, Predicate<Outgoing> hasRow, List<Outgoing> unfinished, Instant now)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (OutcomeStatements s = new OutcomeStatements(c)) {
                Set<UUID> healthy = new LinkedHashSet<>();
                Set<UUID> failing = new LinkedHashSet<>();
                Set<UUID> gone = new LinkedHashSet<>();
                Set<UUID> unsubscribed = new LinkedHashSet<>();
                Map<UUID, Integer> attempts = attemptsRecorded(c, outcomes, hasRow);
                Set<UUID> inserted = new HashSet<>();
                for (Outcome o : outcomes) {
                    Outgoing d = o.delivery();
                    // Numbered after every attempt already recorded: a request that outlived its
                    // lease and the one sent again after it are both attempts, and the attempt
                    // log's key must never refuse the batch (which would stop all recording).
                    int attempt = Math.max(d.attemptsMade(), attempts.getOrDefault(d.deliveryId(), 0)) + 1;
                    attempts.put(d.deliveryId(), attempt);
                    Decision decision = OutcomeDecision.decide(o, attempt, backoff, now);
                    switch (decision.health()) {
                        case HEALTHY -> healthy.add(d.subscriptionId());
                        case FAILING -> failing.add(d.subscriptionId());
                        case GONE -> (d.format() == WebhookFormat.WEBPUSH ? unsubscribed : gone).add(d.subscriptionId());
                        case UNKNOWN -> { }
                    }
                    Instant next = decision.nextAttempt();
                    if (!hasRow.test(d) && inserted.add(d.deliveryId())) {
                        s.insert(d, decision.status(), attempt, next, decision.finishedAt(o.at()));
                        if (next != null) {
                            s.enqueue(d, next);
                        }
                    } else {
                        s.delivery(d.deliveryId(), decision.status(), attempt, next, decision.finishedAt(o.at()));
                        if (next == null) {
                            s.dequeue(d.deliveryId());
                        } else {
                            s.reschedule(d.deliveryId(), next);
                        }
                    }
                    s.attempt(d.deliveryId(), attempt, o, next);
                }
                for (Outgoing delivery : unfinished) {
                    s.insert(delivery, DeliveryStatus.PENDING, 0, now, null);
                    s.enqueue(delivery, delivery.leasedUntil());
                }
                s.healthy(healthy);
                for (UUID sub : failing) {
                    s.failing(sub, now, OutcomeDecision.failingTooLongIfSince(now, disableAfter),
                            OutcomeDecision.failingTooLong(disableAfter));
                }
                for (UUID sub : gone) {
                    s.disable(sub, OutcomeDecision.GONE, now);
                }
                s.execute();
                forget(c, unsubscribed);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * The highest attempt number recorded so far for each delivery of these outcomes that has
     * its row (a handed delivery without one has no attempts yet).
     */
    private static Map<UUID, Integer> attemptsRecorded(Connection c, List<Outcome> outcomes, Predicate<Outgoing> hasRow)
            throws SQLException {
        Map<UUID, Integer> recorded = new HashMap<>();
        Object[] ids = outcomes.stream().map(Outcome::delivery).filter(hasRow).map(Outgoing::deliveryId).distinct()
                .toArray();
        if (ids.length == 0) {
            return recorded;
        }
        try (PreparedStatement find = c.prepareStatement("SELECT delivery_id, MAX(attempt) FROM delivery_attempt"
                + " WHERE delivery_id = ANY(?) GROUP BY delivery_id")) {
            find.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    recorded.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
        }
        return recorded;
    }

    /**
     * Deletes push subscriptions whose push service answered 404 or 410 (the browser
     * unsubscribed, or the subscription expired there), with their deliveries: nothing more can
     * reach that browser, and nothing about it is kept.
     */
    private static void forget(Connection c, Set<UUID> subscriptions) throws SQLException {
        if (subscriptions.isEmpty()) {
            return;
        }
        Object[] ids = subscriptions.toArray();
        for (String delete : List.of(
                "DELETE FROM delivery_attempt WHERE delivery_id IN (SELECT id FROM delivery WHERE subscription_id = ANY(?))",
                "DELETE FROM delivery_queue WHERE subscription_id = ANY(?)",
                "DELETE FROM delivery WHERE subscription_id = ANY(?)",
                "DELETE FROM subscription_region WHERE subscription_id = ANY(?)",
                "DELETE FROM subscription WHERE id = ANY(?)")) {
            try (PreparedStatement statement = c.prepareStatement(delete)) {
                statement.setArray(1, c.createArrayOf("uuid", ids));
                statement.executeUpdate();
            }
        }
    }

    /**
     * Whether an earlier try to record these committed although it never returned (its thread
     * died after the commit, say): one transaction per batch, so one of its rows tells.
     */
    boolean committed(List<Outcome> outcomes, List<Outgoing> unfinished) throws SQLException {
        if (outcomes.isEmpty() && unfinished.isEmpty()) {
            return true;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement find = c.prepareStatement(outcomes.isEmpty() ? "SELECT 1 FROM delivery WHERE id = ?"
                        : "SELECT 1 FROM delivery_attempt WHERE delivery_id = ? AND attempt = ?")) {
            if (outcomes.isEmpty()) {
                find.setObject(1, unfinished.get(0).deliveryId());
            } else {
                find.setObject(1, outcomes.get(0).delivery().deliveryId());
                find.setInt(2, outcomes.get(0).delivery().attemptsMade() + 1);
            }
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        }
    }
}
