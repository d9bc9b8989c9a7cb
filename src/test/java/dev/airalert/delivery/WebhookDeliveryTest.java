package dev.airalert.delivery;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import dev.airalert.TestAlerts;
import dev.airalert.delivery.WebhookReceiver.Answer;
import dev.airalert.delivery.WebhookReceiver.Received;
import dev.airalert.subscription.TestSubscriptions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Webhooks end to end: real receivers, real signatures, real retries. */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource db;

    private static List<Received> awaitReceived(WebhookReceiver receiver, int count) {
        await().atMost(SOON).until(() -> receiver.received().size() >= count);
        return receiver.received();
    }

    private static JsonPath body(Received r) {
        return JsonPath.from(r.body());
    }

    @Test
    void aMatchingAlertArrivesSignedAndVerifiableWithTheReferenceLibrary() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String secret = TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(),
                    "\"regions\": [\"Kiew\"]").getString("secret");
            String sender = TestAlerts.uniqueSender();
            String id = publish(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())).then().statusCode(201)
                    .extract().path("id");
            Received r = awaitReceived(receiver, 1).get(0);
            new Webhook(secret).verify(r.body(), r.headers());
            assertEquals("alert.published", body(r).getString("type"));
            assertEquals(r.header("webhook-id"), body(r).getString("id"));
            assertEquals(id, body(r).getString("data.id"));
            assertEquals(sender, body(r).getString("data.sender"));
        }
    }

    @Test
    void matchingFollowsRegionsParentsPointsFiltersAndStatuses() throws Exception {
        try (WebhookReceiver kyiv = new WebhookReceiver(); WebhookReceiver lviv = new WebhookReceiver();
                WebhookReceiver country = new WebhookReceiver(); WebhookReceiver near = new WebhookReceiver();
                WebhookReceiver onlyShelling = new WebhookReceiver(); WebhookReceiver drills = new WebhookReceiver()) {
            String key = TestSubscriptions.subscriberKey();
            TestSubscriptions.create(key, kyiv.url(), "\"regions\": [\"UA-30\"]");
            TestSubscriptions.create(key, lviv.url(), "\"regions\": [\"Lviv\"]");
            TestSubscriptions.create(key, country.url(), "\"regions\": [\"Україна\"]");
            TestSubscriptions.create(key, near.url(), "\"point\": {\"lat\": 50.44, \"lon\": 30.50, \"radiusKm\": 2}");
            TestSubscriptions.create(key, onlyShelling.url(), "\"regions\": [\"UA-30\"], \"events\": [\"artillery shelling\"]");
            TestSubscriptions.create(key, drills.url(), "\"regions\": [\"UA-30\"], \"statuses\": [\"Exercise\"]");

            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
            publish(TestAlerts.alert(TestAlerts.uniqueSender(), TestAlerts.uniqueId(), TestAlerts.now(), "Alert", null,
                    "Exercise", "air raid", "Extreme", "Immediate", "Observed", "UA-30", null)).then().statusCode(201);

            awaitReceived(kyiv, 1);
            awaitReceived(country, 1);
            awaitReceived(near, 1);
            awaitReceived(drills, 1);
            // The others must stay silent: give the dispatcher time it would have needed.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    lviv.received().isEmpty() && onlyShelling.received().isEmpty());
            assertEquals(1, kyiv.received().size(), "the Exercise is not sent to an Actual-only subscription");
            assertEquals("Exercise", body(drills.received().get(0)).getString("data.status"));
        }
    }

    @Test
    void anAlertCancelledWhileItsFirstDeliveryIsRetriedYieldsOnlyTheCancelWhichNamesIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // The first attempt is answered "later, in 2 s": the cancel comes while it waits for its retry.
            receiver.answering(n -> n == 1 ? new Answer(503, "2", 0) : Answer.status(204));
            String subscription = TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(),
                    "\"regions\": [\"UA-30\"]").getString("id");
            String sender = TestAlerts.uniqueSender();
            String identifier = TestAlerts.uniqueId();
            String sent = TestAlerts.now();
            String alertId = publish(TestAlerts.alert(sender, identifier, sent, "Alert", null, "Actual", "air raid",
                    "Extreme", "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours())).then().statusCode(201)
                    .extract().path("id");
            awaitReceived(receiver, 1);
            publish("""
                    {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Cancel",
                     "scope": "Public", "references": "%s,%s,%s"}""".formatted(TestAlerts.uniqueId(), sender,
                    TestAlerts.now(), sender, identifier, sent)).then().statusCode(201);
            List<Received> got = awaitReceived(receiver, 2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 2);
            JsonPath cancel = body(got.get(1));
            assertEquals("alert.cancelled", cancel.getString("type"), "the retry of the alert was not sent");
            assertEquals(alertId, cancel.getString("data.ends[0].id"), "the all-clear names what it ends");
            assertEquals(identifier, cancel.getString("data.ends[0].identifier"));
            assertEquals("Air raid alert", cancel.getString("data.ends[0].headline"));
            assertEquals(List.of("UA-30"), cancel.getList("data.ends[0].regions"));
            try (Connection c = db.getConnection(); PreparedStatement find = c.prepareStatement("""
                    SELECT d.status FROM delivery d JOIN alert_event e ON e.seq = d.event_seq
                    WHERE e.alert_id = ? AND d.subscription_id = ?""")) {
                find.setObject(1, UUID.fromString(alertId));
                find.setObject(2, UUID.fromString(subscription));
                await().atMost(SOON).until(() -> {
                    try (var rs = find.executeQuery()) {
                        return rs.next() && "superseded".equals(rs.getString(1));
                    }
                });
            }
        }
    }

    @Test
    void updateAndCancelReachTheSameSubscribersInOrder() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // Everything, late: otherwise an alert already updated when its turn comes is not sent.
            TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(),
                    "\"regions\": [\"UA-30\"], \"deliverLate\": true");
            String sender = TestAlerts.uniqueSender();
            String first = TestAlerts.uniqueId();
            String sent = TestAlerts.now();
            publish(TestAlerts.alert(sender, first, sent, "Alert", null, "Actual", "air raid", "Extreme",
                    "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours())).then().statusCode(201);
            String update = TestAlerts.uniqueId();
            String updateSent = TestAlerts.now();
            publish(TestAlerts.alert(sender, update, updateSent, "Update", sender + "," + first + "," + sent,
                    "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours()))
                    .then().statusCode(201);
            // An all-clear without any area of its own still goes where the alert went.
            publish("""
                    {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Cancel",
                     "scope": "Public", "references": "%s,%s,%s"}""".formatted(TestAlerts.uniqueId(), sender,
                    TestAlerts.now(), sender, update, updateSent)).then().statusCode(201);
            List<Received> got = awaitReceived(receiver, 3);
            assertEquals(List.of("alert.published", "alert.updated", "alert.cancelled"),
                    got.stream().map(r -> body(r).getString("type")).toList());
        }
    }

    @Test
    void languagesNarrowThePayload() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(),
                    "\"regions\": [\"UA-30\"], \"languages\": [\"de\"]");
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())
                    .replace("\"info\": [{", "\"info\": [{\"language\": \"de-DE\", \"category\": [\"Security\"],"
                            + " \"event\": \"Luftalarm\", \"urgency\": \"Immediate\", \"severity\": \"Extreme\","
                            + " \"certainty\": \"Observed\", \"headline\": \"Luftalarm\"}, {")).then().statusCode(201);
            JsonPath got = body(awaitReceived(receiver, 1).get(0));
            assertEquals(List.of("de-DE"), got.getList("data.info.language"));
        }
    }

    @Test
    void aTargetThatBecameUnacceptableIsRefusedAtDelivery() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String key = TestSubscriptions.subscriberKey();
            String sub = TestSubscriptions.create(key, receiver.url(), "\"regions\": [\"UA-30\"]").getString("id");
            // As if its host stood for another address by now: the receiver's, spelled IPv4-compatible.
            try (Connection c = db.getConnection();
                    PreparedStatement update = c.prepareStatement("UPDATE subscription SET url = ? WHERE id = ?")) {
                update.setString(1, receiver.url().replace("127.0.0.1", "[::127.0.0.1]"));
                update.setObject(2, UUID.fromString(sub));
                assertEquals(1, update.executeUpdate());
            }
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
            await().atMost(SOON).untilAsserted(() -> given().auth().oauth2(key)
                    .get("/api/v1/subscriptions/" + sub + "/deliveries").then().statusCode(200)
                    .body("[0].attemptLog[0].error", startsWith("target refused: names ::7f00:1, an IPv4-compatible"
                            + " address (::/96) embedding 127.0.0.1")));
            assertTrue(receiver.received().isEmpty());
        }
    }

    @Test
    void failuresAreRetriedAndLoggedUntilTheyAreReceived() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answering(n -> Answer.status(n <= 2 ? 500 : 200))) {
            String key = TestSubscriptions.subscriberKey();
            String sub = TestSubscriptions.create(key, receiver.url(), "\"regions\": [\"UA-30\"]").getString("id");
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
            List<Received> got = awaitReceived(receiver, 3);
            assertEquals(1, got.stream().map(r -> r.header("webhook-id")).distinct().count(), "same webhook-id on retries");
            await().atMost(SOON).untilAsserted(() -> given().auth().oauth2(key)
                    .get("/api/v1/subscriptions/" + sub + "/deliveries").then().statusCode(200)
                    .body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(3))
                    .body("[0].attemptLog.statusCode", equalTo(List.of(500, 500, 200)))
                    .body("[0].attemptLog[0].response", equalTo("answer 500"))
                    .body("[0].attemptLog[0].nextRetryAt", org.hamcrest.Matchers.notNullValue()));
        }
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()
                .answering(n -> n == 1 ? new Answer(503, "2", 0) : Answer.status(200))) {
            TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(), "\"regions\": [\"UA-30\"]");
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
            List<Received> got = awaitReceived(receiver, 2);
            assertThat(Duration.between(got.get(0).at(), got.get(1).at()).toMillis(), greaterThanOrEqualTo(1900L));
        }
    }

    @Test
    void goneDisablesAtOnceAndEnablingResumes() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answering(n -> Answer.status(n == 1 ? 410 : 200))) {
            String key = TestSubscriptions.subscriberKey();
            String sub = TestSubscriptions.create(key, receiver.url(), "\"regions\": [\"UA-30\"]").getString("id");
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
            await().atMost(SOON).untilAsserted(() -> given().auth().oauth2(key).get("/api/v1/subscriptions/" + sub)
                    .then().body("enabled", equalTo(false)).body("disabledReason", containsString("410")));
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> receiver.received().size() == 1);
            given().auth().oauth2(key).post("/api/v1/subscriptions/" + sub + "/enable").then().statusCode(200)
                    .body("enabled", equalTo(true));
            List<Received> got = awaitReceived(receiver, 2);
            assertEquals(got.get(0).header("webhook-id"), got.get(1).header("webhook-id"));
        }
    }

    @Test
    void anEndpointFailingTooLongIsDisabledAndSaysWhy() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver().answering(n -> Answer.status(500))) {
            String key = TestSubscriptions.subscriberKey();
            String sub = TestSubscriptions.create(key, receiver.url(), "\"regions\": [\"UA-30\"]").getString("id");
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
            await().atMost(SOON).untilAsserted(() -> given().auth().oauth2(key).get("/api/v1/subscriptions/" + sub)
                    .then().body("enabled", equalTo(false))
                    .body("disabledReason", containsString("failing continuously"))
                    .body("failingSince", org.hamcrest.Matchers.notNullValue()));
        }
    }

    @Test
    void aHangingEndpointDoesNotDelayAnother() throws Exception {
        try (WebhookReceiver slow = new WebhookReceiver().answering(n -> new Answer(200, null, 5_000));
                WebhookReceiver fast = new WebhookReceiver()) {
            String key = TestSubscriptions.subscriberKey();
            TestSubscriptions.create(key, slow.url(), "\"regions\": [\"UA-30\"]");
            TestSubscriptions.create(key, fast.url(), "\"regions\": [\"UA-30\"]");
            Instant published = Instant.now();
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
            Received got = awaitReceived(fast, 1).get(0);
            assertThat(Duration.between(published, got.at()).toMillis(), lessThan(1500L));
            awaitReceived(slow, 1);
        }
    }

    @Test
    void aDeliveryStillInFlightIsInTheLogBeforeItsFirstAttemptEnds() throws Exception {
        // The first attempt hangs until the request timeout; its delivery gets a row before
        // that, so that its event can leave the outbox without waiting for this endpoint.
        try (WebhookReceiver hanging = new WebhookReceiver().answering(n -> new Answer(200, null, 5_000))) {
            String key = TestSubscriptions.subscriberKey();
            String sub = TestSubscriptions.create(key, hanging.url(), "\"regions\": [\"UA-30\"]").getString("id");
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
            JsonPath log = await().atMost(SOON).until(() -> given().auth().oauth2(key)
                    .get("/api/v1/subscriptions/" + sub + "/deliveries").then().statusCode(200).extract().jsonPath(),
                    deliveries -> !deliveries.getList("").isEmpty());
            assertEquals("pending", log.getString("[0].status"));
            assertEquals(0, log.getInt("[0].attempts"), "the first attempt is still in flight");
            awaitReceived(hanging, 1);
        }
    }

    @Test
    void pingRotationAndReplay() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String key = TestSubscriptions.subscriberKey();
            JsonPath created = TestSubscriptions.create(key, receiver.url(), "\"regions\": [\"UA-30\"]");
            String sub = created.getString("id");
            String oldSecret = created.getString("secret");
            Instant before = Instant.now().minusSeconds(1);

            given().auth().oauth2(key).post("/api/v1/subscriptions/" + sub + "/ping").then().statusCode(202);
            Received ping = awaitReceived(receiver, 1).get(0);
            assertEquals("webhook.ping", body(ping).getString("type"));
            new Webhook(oldSecret).verify(ping.body(), ping.headers());

            String newSecret = given().auth().oauth2(key).post("/api/v1/subscriptions/" + sub + "/rotate-secret")
                    .then().statusCode(200).extract().path("secret");
            publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
            Received alert = awaitReceived(receiver, 2).get(1);
            assertEquals(2, alert.header("webhook-signature").split(" ").length, "old and new secret both sign");
            new Webhook(newSecret).verify(alert.body(), alert.headers());
            new Webhook(oldSecret).verify(alert.body(), alert.headers());

            given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"since\": \"" + before + "\"}")
                    .post("/api/v1/subscriptions/" + sub + "/replay").then().statusCode(202).body("replayed", equalTo(2));
            List<Received> all = awaitReceived(receiver, 4);
            assertEquals(List.of(ping.header("webhook-id"), alert.header("webhook-id")),
                    all.subList(2, 4).stream().map(r -> r.header("webhook-id")).sorted(
                            java.util.Comparator.comparing(id -> id.equals(ping.header("webhook-id")) ? 0 : 1)).toList());
            given().auth().oauth2(key).get("/api/v1/subscriptions/" + sub + "/deliveries").then()
                    .body("", hasSize(4));
            assertTrue(all.stream().allMatch(r -> r.header("webhook-timestamp") != null));
        }
    }
}
