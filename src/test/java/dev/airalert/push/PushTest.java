package dev.airalert.push;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.push.PushStandIn.BrowserSubscription;
import dev.airalert.push.PushStandIn.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Web Push end to end, against a stand-in push service that decrypts every message with the
 * browser's private key using an independent implementation (the npm package http_ece) and
 * checks the VAPID token against the key the service serves.
 */
@QuarkusTest
class PushTest {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static PushStandIn standIn;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = PushStandIn.start();
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    /** Each test creates from an address of its own: the per-address limit is not shared. */
    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static io.restassured.response.Response subscribe(String from, BrowserSubscription browser,
            String fields) {
        return given().header("X-Forwarded-For", from).contentType(ContentType.JSON)
                .body("{\"subscription\": " + json(browser.json()) + ", " + fields + "}")
                .when().post("/api/v1/push/subscriptions");
    }

    private static String json(Map<String, Object> value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Received> awaitDelivered(BrowserSubscription browser, int count) {
        await().atMost(SOON).until(() -> delivered(browser).size() >= count);
        return delivered(browser);
    }

    private static List<Received> delivered(BrowserSubscription browser) {
        return standIn.received(browser).stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    private static JsonPath message(Received r) {
        assertNull(r.error(), "the stand-in decrypted the message");
        return JsonPath.from(r.plaintext());
    }

    @Test
    void aKyivAlertReachesTheBrowserEncryptedForItSignedAndShapedForAPushService() {
        BrowserSubscription browser = standIn.subscribe();
        String vapidKey = given().get("/api/v1/push/vapid-public-key").then().statusCode(200)
                .extract().path("publicKey");
        JsonPath created = subscribe(address(), browser, "\"regions\": [\"Київ\"], \"languages\": [\"uk\"]")
                .then().statusCode(201).body("unsubscribeToken", notNullValue()).body("place", equalTo("UA-30"))
                .extract().jsonPath();
        String id = publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId()))
                .then().statusCode(201).extract().path("id");
        Received r = awaitDelivered(browser, 1).get(0);
        JsonPath m = message(r);
        assertEquals(1, m.getInt("v"));
        assertEquals("alert.published", m.getString("type"));
        assertEquals(id, m.getString("alert"));
        assertEquals("uk", m.getString("lang"));
        assertEquals("Air raid alert: Київ", m.getString("title"), "the alert's text, the place in the subscriber's language");
        assertEquals("Go to the nearest shelter.", m.getString("body"));
        assertEquals("/?region=UA-30", m.getString("url"));
        assertTrue(m.getBoolean("renotify"));
        assertTrue(m.getString("tag").matches("airalert-[0-9a-f]{32}"));
        // VAPID (RFC 8292): signed with the served key, for this push service, for at most a day.
        assertTrue(r.vapidValid(), "the VAPID token verifies with its k");
        assertEquals(vapidKey, r.vapidKey());
        assertEquals(standIn.origin(), r.aud());
        long now = Instant.now().getEpochSecond();
        assertTrue(r.exp() > now && r.exp() <= now + 24 * 3600, "exp within 24 h: " + r.exp());
        assertTrue(r.sub().startsWith("mailto:") || r.sub().startsWith("https:"));
        // RFC 8030 headers: a TTL no later than the alert's expiry (two hours), urgency, one topic per chain.
        long ttl = Long.parseLong(r.headers().get("ttl"));
        assertTrue(ttl > 7000 && ttl <= 7200, "TTL until the alert expires: " + ttl);
        assertEquals("high", r.headers().get("urgency"));
        assertEquals(m.getString("tag").substring("airalert-".length()), r.headers().get("topic"));
        assertEquals("aes128gcm", r.headers().get("content-encoding"));
        assertTrue(created.getString("expiresAt").compareTo(Instant.now().plus(Duration.ofDays(59)).toString()) > 0);
    }

    @Test
    void aBrowserFollowingTwoCoveredPlacesGetsOnePushAndTheAllClearReplacesTheAlert() {
        BrowserSubscription browser = standIn.subscribe();
        String from = address();
        subscribe(from, browser, "\"regions\": [\"UA-30\"], \"languages\": [\"de\"]").then().statusCode(201);
        subscribe(from, browser, "\"regions\": [\"UA-32\"], \"languages\": [\"de\"]").then().statusCode(201);
        String sender = TestAlerts.uniqueSender();
        String identifier = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        publish("""
                {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Alert",
                 "scope": "Public", "info": [{"category": ["Security"], "event": "air raid", "urgency": "Immediate",
                   "severity": "Severe", "certainty": "Observed", "headline": "Luftalarm", "expires": "%s",
                   "area": [{"areaDesc": "Kyiv and Kyiv Oblast",
                     "geocode": [{"valueName": "ISO3166-2", "value": "UA-30"}, {"valueName": "ISO3166-2", "value": "UA-32"}]}]}]}
                """.formatted(identifier, sender, sent, TestAlerts.inTwoHours())).then().statusCode(201);
        JsonPath alert = message(awaitDelivered(browser, 1).get(0));
        publish("""
                {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Cancel",
                 "scope": "Public", "references": "%s,%s,%s"}""".formatted(TestAlerts.uniqueId(), sender,
                TestAlerts.now(), sender, identifier, sent)).then().statusCode(201);
        List<Received> got = awaitDelivered(browser, 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> delivered(browser).size() == 2);
        JsonPath allClear = message(got.get(1));
        assertEquals("alert.cancelled", allClear.getString("type"));
        assertEquals(alert.getString("tag"), allClear.getString("tag"), "the all-clear replaces the alert's notification");
        assertTrue(allClear.getString("title").startsWith("Entwarnung"), allClear.getString("title"));
        assertEquals("Luftalarm", allClear.getString("body"), "it says which alert it ends");
        assertEquals("high", got.get(1).headers().get("urgency"));
    }

    @Test
    void aTextUpdateReplacesSilentlyAndAnEscalationSoundsAgain() {
        BrowserSubscription browser = standIn.subscribe();
        subscribe(address(), browser, "\"regions\": [\"UA-30\"]").then().statusCode(201);
        String sender = TestAlerts.uniqueSender();
        String first = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        publish(TestAlerts.alert(sender, first, sent, "Alert", null, "Actual", "air raid", "Moderate", "Expected",
                "Likely", "UA-30", TestAlerts.inTwoHours())).then().statusCode(201);
        awaitDelivered(browser, 1);
        String text = TestAlerts.uniqueId();
        String textSent = TestAlerts.now();
        publish(TestAlerts.alert(sender, text, textSent, "Update", sender + "," + first + "," + sent, "Actual",
                "air raid", "Moderate", "Expected", "Likely", "UA-30", TestAlerts.inTwoHours())).then().statusCode(201);
        assertFalse(message(awaitDelivered(browser, 2).get(1)).getBoolean("renotify"), "a mere text update");
        publish(TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Update",
                sender + "," + text + "," + textSent, "Actual", "air raid", "Extreme", "Expected", "Likely", "UA-30",
                TestAlerts.inTwoHours())).then().statusCode(201);
        assertTrue(message(awaitDelivered(browser, 3).get(2)).getBoolean("renotify"), "severity went up");
    }

    @Test
    void aPushServiceAnswering410RemovesTheSubscription() throws Exception {
        BrowserSubscription browser = standIn.subscribe();
        String id = subscribe(address(), browser, "\"regions\": [\"UA-30\"]").then().statusCode(201)
                .extract().path("id");
        standIn.answer(browser, 410, null, 1);
        publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
        await().atMost(SOON).until(() -> !exists(id));
        assertEquals(1, standIn.received(browser).size());
    }

    @Test
    void anAlertCancelledWhileItsFirstPushIsRetriedYieldsOnlyTheCancel() throws Exception {
        BrowserSubscription browser = standIn.subscribe();
        subscribe(address(), browser, "\"regions\": [\"UA-30\"]").then().statusCode(201);
        // The first attempt is answered "later, in 2 s": the cancel comes while it waits for its retry.
        standIn.answer(browser, 429, "2", 1);
        String sender = TestAlerts.uniqueSender();
        String identifier = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        publish(TestAlerts.alert(sender, identifier, sent, "Alert", null, "Actual", "air raid", "Extreme",
                "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours())).then().statusCode(201);
        await().atMost(SOON).until(() -> standIn.received(browser).size() >= 1);
        publish("""
                {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Cancel",
                 "scope": "Public", "references": "%s,%s,%s"}""".formatted(TestAlerts.uniqueId(), sender,
                TestAlerts.now(), sender, identifier, sent)).then().statusCode(201);
        List<Received> got = awaitDelivered(browser, 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> delivered(browser).size() == 1);
        assertEquals("alert.cancelled", message(got.get(0)).getString("type"));
        assertEquals(2, standIn.received(browser).size(), "the failed first attempt and the cancel, no retry");
        assertThatAttemptLogSays(identifier, "superseded");
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheFieldAndCreateNothing() throws Exception {
        BrowserSubscription browser = standIn.subscribe();
        String from = address();
        long before = pushSubscriptions();
        subscribe(from, new BrowserSubscription("https://push.evil.example/x", browser.p256dh(), browser.auth()),
                "\"regions\": [\"UA-30\"]").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("subscription.endpoint"));
        subscribe(from, new BrowserSubscription(browser.endpoint(), "BAAA", "c2hvcnQ"), "\"regions\": [\"Atlantis\"]")
                .then().statusCode(400)
                .body("errors.field", hasItem("subscription.keys.p256dh"))
                .body("errors.field", hasItem("subscription.keys.auth"))
                .body("errors.field", hasItem("regions[0]"));
        subscribe(from, browser, "\"regions\": [\"UA-30\"], \"types\": [\"meteors\"]").then().statusCode(400)
                .body("errors.field", hasItem("types[0]"));
        given().header("X-Forwarded-For", from).contentType(ContentType.JSON).body("{\"regions\": [\"UA-30\"]}")
                .post("/api/v1/push/subscriptions").then().statusCode(400).body("errors.field", hasItem("subscription"));
        assertEquals(before, pushSubscriptions());
    }

    @Test
    void creatingIsLimitedPerAddressAndPerBrowser() {
        String from = address();
        BrowserSubscription browser = standIn.subscribe();
        int created = 0;
        int status;
        do {
            status = subscribe(from, created < 20 ? browser : standIn.subscribe(), "\"regions\": [\"UA-30\"]")
                    .then().extract().statusCode();
            if (created == 20) {
                // 20 places per browser; the 21st for the same browser is refused.
                subscribe(from, browser, "\"regions\": [\"UA-30\"]").then().statusCode(409);
            }
            created += status == 201 ? 1 : 0;
        } while (status == 201 && created < 100);
        assertEquals(429, status);
        assertTrue(created >= 20 && created < 100, "created before the limit: " + created);
    }

    @Test
    void theTokenAloneMovesAndDeletes() {
        BrowserSubscription browser = standIn.subscribe();
        JsonPath created = subscribe(address(), browser, "\"regions\": [\"UA-30\"]").then().statusCode(201)
                .extract().jsonPath();
        String id = created.getString("id");
        String token = created.getString("unsubscribeToken");
        BrowserSubscription moved = standIn.subscribe();
        given().header("Unsubscribe-Token", "not-the-token").contentType(ContentType.JSON)
                .body("{\"subscription\": " + json(moved.json()) + "}")
                .put("/api/v1/push/subscriptions/" + id).then().statusCode(404);
        given().header("Unsubscribe-Token", token).contentType(ContentType.JSON)
                .body("{\"subscription\": " + json(moved.json()) + "}")
                .put("/api/v1/push/subscriptions/" + id).then().statusCode(200).body("id", equalTo(id));
        publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
        awaitDelivered(moved, 1);
        assertTrue(standIn.received(browser).isEmpty(), "the old endpoint gets nothing");
        given().delete("/api/v1/push/subscriptions/" + id + "?token=wrong").then().statusCode(404);
        given().header("Unsubscribe-Token", token).delete("/api/v1/push/subscriptions/" + id).then().statusCode(204);
        given().header("Unsubscribe-Token", token).delete("/api/v1/push/subscriptions/" + id).then().statusCode(404);
    }

    private boolean exists(String id) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement find = c.prepareStatement("SELECT 1 FROM subscription WHERE id = ?")) {
            find.setObject(1, java.util.UUID.fromString(id));
            try (ResultSet rs = find.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long pushSubscriptions() throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM subscription WHERE format = 'webpush'");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The alert's delivery was finished as {@code status}, its attempt log saying why, no request made. */
    private void assertThatAttemptLogSays(String identifier, String status) throws Exception {
        await().atMost(SOON).until(() -> {
            try (Connection c = db.getConnection(); PreparedStatement find = c.prepareStatement("""
                    SELECT d.status, a.error FROM delivery d JOIN alert_event e ON e.seq = d.event_seq
                    JOIN alert al ON al.id = e.alert_id JOIN delivery_attempt a ON a.delivery_id = d.id
                    WHERE al.identifier = ? AND a.status_code IS NULL""")) {
                find.setString(1, identifier);
                try (ResultSet rs = find.executeQuery()) {
                    return rs.next() && status.equals(rs.getString(1)) && rs.getString(2).startsWith(status);
                }
            }
        });
    }
}
