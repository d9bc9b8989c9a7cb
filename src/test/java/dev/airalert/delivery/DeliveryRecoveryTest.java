package dev.airalert.delivery;

import static dev.airalert.TestAlerts.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.event.AlertEvent;
import dev.airalert.subscription.TestSubscriptions;
import dev.airalert.subscription.WebhookFormat;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an instance that died leaves behind is finished by whoever runs next. The states a
 * crash can leave are written into the database as a dead instance would have left them:
 * an event committed but not fanned out, and a delivery claimed but never answered.
 */
@QuarkusTest
class DeliveryRecoveryTest {

    @Inject
    AgroalDataSource db;

    @Inject
    OutcomeRecorder recorder;

    @Inject
    FanOut fanOut;

    @Inject
    HeldEvents held;

    @Test
    void anEventCommittedButNotFannedOutIsDeliveredAfterARestart() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(), "\"regions\": [\"UA-30\"]");
            String alertId = publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId()))
                    .then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            // The same alert's event again, as a crash between commit and fan-out leaves it.
            UUID eventId = UUID.randomUUID();
            try (Connection c = db.getConnection()) {
                long seq = insertEvent(c, eventId, UUID.fromString(alertId));
                try (PreparedStatement outbox = c.prepareStatement(
                        "INSERT INTO event_outbox (event_seq, chain_key) VALUES (?, 'recovery')")) {
                    outbox.setLong(1, seq);
                    outbox.executeUpdate();
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            assertEquals(AlertEvent.publicId(eventId), receiver.received().get(1).header("webhook-id"));
        }
    }

    @Test
    void aDeliveryClaimedByAWorkerThatDiedIsSentWhenItsLeaseEnds() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String sub = TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(),
                    "\"regions\": [\"UA-46\"]").getString("id");
            String alertId = publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId()))
                    .then().statusCode(201).extract().path("id");
            Instant leaseEnds = Instant.now().plusMillis(1500);
            try (Connection c = db.getConnection()) {
                long seq = insertEvent(c, UUID.randomUUID(), UUID.fromString(alertId));
                UUID delivery = UUID.randomUUID();
                try (PreparedStatement d = c.prepareStatement("INSERT INTO delivery (id, subscription_id, event_seq,"
                        + " status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)");
                        PreparedStatement q = c.prepareStatement("INSERT INTO delivery_queue (delivery_id,"
                                + " subscription_id, chain_key, event_seq, due_at) VALUES (?, ?, 'dead', ?, ?)")) {
                    Timestamp now = Timestamp.from(Instant.now());
                    d.setObject(1, delivery);
                    d.setObject(2, UUID.fromString(sub));
                    d.setLong(3, seq);
                    d.setTimestamp(4, now);
                    d.setTimestamp(5, now);
                    d.executeUpdate();
                    q.setObject(1, delivery);
                    q.setObject(2, UUID.fromString(sub));
                    q.setLong(3, seq);
                    q.setTimestamp(4, Timestamp.from(leaseEnds));
                    q.executeUpdate();
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            assertThat(receiver.received().get(0).at().toEpochMilli(), greaterThanOrEqualTo(leaseEnds.toEpochMilli()));
        }
    }

    @Test
    void anEventHeldByAnInstanceThatDiedIsFannedOutAgainSkippingWhoAlreadyHasIt() throws Exception {
        try (WebhookReceiver had = new WebhookReceiver(); WebhookReceiver missed = new WebhookReceiver()) {
            String key = TestSubscriptions.subscriberKey();
            String hadId = TestSubscriptions.create(key, had.url(), "\"regions\": [\"UA-53\"]").getString("id");
            TestSubscriptions.create(key, missed.url(), "\"regions\": [\"UA-53\"]");
            String alertId = publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())
                    .replace("UA-30", "UA-53")).then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> had.received().size() == 1 && missed.received().size() == 1);
            // A dead instance held this event: it had sent to and recorded one subscriber, not the other.
            UUID eventId = UUID.randomUUID();
            Instant leaseEnds = Instant.now().plusMillis(1500);
            try (Connection c = db.getConnection()) {
                long seq = insertEvent(c, eventId, UUID.fromString(alertId));
                try (PreparedStatement outbox = c.prepareStatement(
                        "INSERT INTO event_outbox (event_seq, leased_until, chain_key) VALUES (?, ?, 'recovery')");
                        PreparedStatement d = c.prepareStatement("INSERT INTO delivery (id, subscription_id, event_seq,"
                                + " status, attempts, created_at, finished_at) VALUES (?, ?, ?, 'delivered', 1, ?, ?)")) {
                    outbox.setLong(1, seq);
                    outbox.setTimestamp(2, Timestamp.from(leaseEnds));
                    outbox.executeUpdate();
                    Timestamp now = Timestamp.from(Instant.now());
                    d.setObject(1, UUID.randomUUID());
                    d.setObject(2, UUID.fromString(hadId));
                    d.setLong(3, seq);
                    d.setTimestamp(4, now);
                    d.setTimestamp(5, now);
                    d.executeUpdate();
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> missed.received().size() == 2);
            assertEquals(AlertEvent.publicId(eventId), missed.received().get(1).header("webhook-id"));
            assertThat(missed.received().get(1).at().toEpochMilli(), greaterThanOrEqualTo(leaseEnds.toEpochMilli()));
            await().atMost(Duration.ofSeconds(10)).until(() -> outboxHolds(eventId) == 0);
            assertEquals(1, had.received().size(), "who had the event does not get it again");
        }
    }

    /**
     * A nationwide burst fills the outbox faster than anything is fanned out: 2,000 events in
     * 1,000 chains land in one transaction, and every one reaches its subscriber once, each
     * chain's second event after its first.
     */
    @Test
    void aBurstThatFillsTheOutboxIsFannedOutWholeAndInChainOrder() throws Exception {
        int chains = 1000;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(), "\"regions\": [\"UA-59\"]");
            String alertId = publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())
                    .replace("UA-30", "UA-59")).then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            String burst = "burst-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            List<String> events = new ArrayList<>();
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement outbox = c.prepareStatement(
                        "INSERT INTO event_outbox (event_seq, chain_key) VALUES (?, ?)")) {
                    for (int i = 0; i < 2 * chains; i++) {
                        UUID eventId = UUID.randomUUID();
                        String chain = burst + (i % chains);
                        outbox.setLong(1, insertEvent(c, eventId, UUID.fromString(alertId), chain));
                        outbox.setString(2, chain);
                        outbox.executeUpdate();
                        events.add(AlertEvent.publicId(eventId));
                    }
                }
                c.commit();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> receiver.received().size() >= 1 + 2 * chains);
            List<String> arrived = receiver.received().stream().skip(1).map(r -> r.header("webhook-id")).toList();
            assertEquals(2 * chains, new HashSet<>(arrived).size(), "each event once");
            assertTrue(arrived.containsAll(events));
            for (int i = 0; i < chains; i++) {
                assertTrue(arrived.indexOf(events.get(i)) < arrived.indexOf(events.get(i + chains)),
                        "chain " + i + " in order");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> rows("event_outbox WHERE chain_key LIKE ?",
                    burst + "%") == 0);
        }
    }

    /**
     * An event that cannot be started (here its row names a referenced alert that is no id)
     * goes back to the outbox leased for a while, not to be picked first again at once, each
     * time holding up the events behind it; the events after it go out meanwhile.
     */
    @Test
    void anEventThatCannotStartWaitsBeforeItIsTriedAgainAndHoldsUpNoOther() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(), "\"regions\": [\"UA-30\"]");
            String alertId = publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId()))
                    .then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            long poison;
            try (Connection c = db.getConnection()) {
                String chain = "unreadable-" + UUID.randomUUID();
                poison = insertEvent(c, UUID.randomUUID(), UUID.fromString(alertId), chain);
                try (PreparedStatement broken = c.prepareStatement(
                        "UPDATE alert_event SET related_alert_ids = 'not-an-id' WHERE seq = ?");
                        PreparedStatement outbox = c.prepareStatement(
                                "INSERT INTO event_outbox (event_seq, chain_key) VALUES (?, ?)")) {
                    broken.setLong(1, poison);
                    broken.executeUpdate();
                    outbox.setLong(1, poison);
                    outbox.setString(2, chain);
                    outbox.executeUpdate();
                }
            }
            try {
                // Failed, and no longer held here: back in the outbox, leased until it is tried again.
                await().atMost(Duration.ofSeconds(15)).until(() -> fanOut.failures(poison) >= 1 && !held.holds(poison));
                assertTrue(leased(poison), "leased until it is tried again, not free to be picked at once");
                publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
                assertEquals(1, rows("event_outbox WHERE event_seq = ?", poison), "the event stays in the outbox");
            } finally {
                try (Connection c = db.getConnection();
                        PreparedStatement gone = c.prepareStatement("DELETE FROM event_outbox WHERE event_seq = ?")) {
                    gone.setLong(1, poison);
                    gone.executeUpdate();
                }
            }
        }
    }

    @Test
    void theWaitBeforeAnEventIsTriedAgainDoublesUpToFiveMinutes() {
        assertEquals(Duration.ofSeconds(5), FanOut.retryWait(1));
        assertEquals(Duration.ofSeconds(10), FanOut.retryWait(2));
        assertEquals(Duration.ofSeconds(160), FanOut.retryWait(6));
        assertEquals(Duration.ofMinutes(5), FanOut.retryWait(7));
        assertEquals(Duration.ofMinutes(5), FanOut.retryWait(1000));
    }

    /** Whether the event's outbox row is leased (by an instance, or until it is tried again). */
    private boolean leased(long seq) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT leased_until FROM event_outbox WHERE event_seq = ?")) {
            q.setLong(1, seq);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null;
            }
        }
    }

    @Test
    void deletingASubscriptionDeletesItsDeliveriesAndTheirAttempts() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String key = TestSubscriptions.subscriberKey();
            String sub = TestSubscriptions.create(key, receiver.url(), "\"regions\": [\"UA-53\"]").getString("id");
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId()).replace("UA-30", "UA-53"))
                    .then().statusCode(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> rows("delivery_attempt a JOIN delivery d"
                    + " ON d.id = a.delivery_id WHERE d.subscription_id = ?", UUID.fromString(sub)) == 1);
            io.restassured.RestAssured.given().auth().oauth2(key).delete("/api/v1/subscriptions/" + sub)
                    .then().statusCode(204);
            assertEquals(0, rows("delivery WHERE subscription_id = ?", UUID.fromString(sub)));
            assertEquals(0, rows("delivery_queue WHERE subscription_id = ?", UUID.fromString(sub)));
        }
    }

    /**
     * A request that outlived its lease and the one sent again after it both end, with the
     * same attempt number: both are recorded, numbered after what the log holds, and the
     * batch is written, so nothing else waits behind it.
     */
    @Test
    void twoOutcomesOfOneAttemptAreBothRecorded() throws Exception {
        UUID delivery = UUID.randomUUID();
        Instant now = Instant.now();
        try (Connection c = db.getConnection();
                PreparedStatement row = c.prepareStatement("INSERT INTO delivery (id, subscription_id, event_seq,"
                        + " status, attempts, created_at, next_attempt_at) VALUES (?, ?, 0, 'pending', 1, ?, ?)");
                PreparedStatement first = c.prepareStatement("INSERT INTO delivery_attempt (delivery_id, attempt,"
                        + " attempted_at, status_code, latency_ms) VALUES (?, 1, ?, 500, 5)")) {
            row.setObject(1, delivery);
            row.setObject(2, UUID.randomUUID());
            row.setTimestamp(3, Timestamp.from(now));
            row.setTimestamp(4, Timestamp.from(now));
            row.executeUpdate();
            first.setObject(1, delivery);
            first.setTimestamp(2, Timestamp.from(now));
            first.executeUpdate();
        }
        // Both claimed when no attempt was recorded yet.
        Outgoing claimed = new Outgoing(delivery, UUID.randomUUID(), "http://127.0.0.1:9/hook", List.of(), List.of(),
                0, 0, "evt", "chain", "alert.published", now, now.plusSeconds(60), null,
                WebhookFormat.STANDARD, null, null, false, null);
        recorder.record(List.of(new Outcome(claimed, now, 200, null, 10, "", null),
                new Outcome(claimed, now, 200, null, 12, "", null)), d -> true, List.of(), now);
        assertEquals(3, rows("delivery_attempt WHERE delivery_id = ?", delivery));
        try (Connection c = db.getConnection();
                PreparedStatement read = c.prepareStatement("SELECT status, attempts FROM delivery WHERE id = ?")) {
            read.setObject(1, delivery);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                assertEquals("delivered", rs.getString(1));
                assertEquals(3, rs.getInt(2));
            }
        }
    }

    private long rows(String fromWhere, Object parameter) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM " + fromWhere)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long outboxHolds(UUID eventId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM event_outbox o"
                        + " JOIN alert_event e ON e.seq = o.event_seq WHERE e.id = ?")) {
            q.setObject(1, eventId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long insertEvent(Connection c, UUID eventId, UUID alertId) throws Exception {
        return insertEvent(c, eventId, alertId, "recovery");
    }

    /** Another event of the alert's first event, in the chain given. */
    private static long insertEvent(Connection c, UUID eventId, UUID alertId, String chain) throws Exception {
        try (PreparedStatement event = c.prepareStatement("INSERT INTO alert_event (id, type, alert_id, chain_key,"
                + " related_alert_ids, created_at, payload) SELECT ?, 'alert.published', ?, ?, '', ?, payload"
                + " FROM alert_event WHERE alert_id = ? ORDER BY seq FETCH FIRST 1 ROWS ONLY", new String[] {"seq"})) {
            event.setObject(1, eventId);
            event.setObject(2, alertId);
            event.setString(3, chain);
            event.setTimestamp(4, Timestamp.from(Instant.now()));
            event.setObject(5, alertId);
            event.executeUpdate();
            try (ResultSet keys = event.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
