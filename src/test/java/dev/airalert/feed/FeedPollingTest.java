package dev.airalert.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.delivery.WebhookReceiver;
import dev.airalert.subscription.TestSubscriptions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Feeds end to end: a real HTTP server serves an Atom index that grows, changes and fails; the
 * service's own poller takes it. A test makes a feed due by moving its due time to now, so that
 * it need not wait out the 5-second minimum interval.
 */
@QuarkusTest
class FeedPollingTest {

    private static final Duration SOON = Duration.ofSeconds(15);

    @Inject
    AgroalDataSource db;

    @Inject
    FeedPoller poller;

    @Inject
    FeedStore store;

    @Test
    void eachMessageIsTakenOnceAsTheIndexGrowsChangesFailsAndRecovers() throws Exception {
        String sender = uniqueSender();
        UUID key = publisherKeyFor(sender);
        try (FeedServer server = new FeedServer()) {
            String first = TestAlerts.uniqueId();
            String second = TestAlerts.uniqueId();
            server.publish("m1", kyivAlert(CAP_1_2, sender, first)).publish("m2", kyivAlert(CAP_1_1, sender, second));
            String feed = addFeed(server.indexUrl(), key);

            JsonPath status = awaitStatus(feed, s -> s.getLong("status.messages.ingested") == 2);
            assertEquals(1, server.requests("/cap/m1.xml"));
            assertEquals(1, server.requests("/cap/m2.xml"));
            assertTrue(status.getString("status.lastChangeAt") != null);
            given().auth().oauth2(TestKeys.ADMIN).queryParam("sender", sender).get("/api/v1/alerts").then()
                    .statusCode(200).body("items.identifier", hasItem(first)).body("items.identifier", hasItem(second))
                    .body("items.capVersion", hasItem("1.1")).body("items.regions.flatten()", hasItem("UA-30"));

            // Unchanged: the conditional GET is answered 304 and nothing is fetched again.
            long polls = status.getLong("status.polls");
            due(feed);
            status = awaitStatus(feed, s -> s.getLong("status.polls") > polls);
            assertTrue(server.notModified() >= 1, "answered 304");
            assertTrue(status.getLong("status.notModified") >= 1, "counted in the status");
            assertEquals(1, server.requests("/cap/m1.xml"));

            // Grows: only the new message is fetched.
            String third = TestAlerts.uniqueId();
            server.publish("m3", kyivAlert(CAP_1_2, sender, third));
            due(feed);
            awaitStatus(feed, s -> s.getLong("status.messages.ingested") == 3);
            assertEquals(1, server.requests("/cap/m1.xml"));
            assertEquals(1, server.requests("/cap/m2.xml"));
            assertEquals(1, server.requests("/cap/m3.xml"));

            // Changes: an old entry goes, an entry without CAP, an invalid message and another sender's come.
            server.drop("urn:test:m1");
            server.entry("<entry><id>urn:test:no-cap</id><title>prose</title><updated>2026-12-01T00:00:00Z</updated>"
                    + "<link rel=\"alternate\" type=\"text/html\" href=\"/page/prose\"/></entry>");
            server.publish("m4", new String(kyivAlert(CAP_1_2, sender, TestAlerts.uniqueId()), StandardCharsets.UTF_8)
                    .replace("<scope>Public</scope>", "").getBytes(StandardCharsets.UTF_8));
            server.publish("m5", kyivAlert(CAP_1_2, uniqueSender(), TestAlerts.uniqueId()));
            due(feed);
            status = awaitStatus(feed, s -> s.getLong("status.messages.refused") == 3);
            assertEquals(3, status.getLong("status.messages.ingested"));
            List<Map<String, Object>> messages = given().auth().oauth2(TestKeys.ADMIN)
                    .get("/api/v1/feeds/" + feed + "/messages").then().statusCode(200).extract().jsonPath().getList("");
            assertTrue(messages.stream().anyMatch(m -> "refused".equals(m.get("outcome"))
                    && String.valueOf(m.get("problem")).contains("scope")), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> "refused".equals(m.get("outcome"))
                    && String.valueOf(m.get("problem")).contains("/problems/forbidden")), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> "refused".equals(m.get("outcome"))
                    && String.valueOf(m.get("problem")).contains("links to no CAP message")), messages.toString());
            assertEquals(1, server.requests("/cap/m4.xml"));
            assertEquals(1, server.requests("/cap/m2.xml"), "still listed, never fetched again");

            // Fails: the poll is recorded as failed and the next one waits twice the interval, then four times.
            server.failing(500);
            due(feed);
            status = awaitStatus(feed, s -> s.getInt("status.consecutiveFailures") == 1);
            assertTrue(status.getString("status.lastError").contains("HTTP 500"), status.getString("status.lastError"));
            assertTrue(wait(status) >= 7_000, "about 10 s after one failure: " + wait(status) + " ms");
            due(feed);
            status = awaitStatus(feed, s -> s.getInt("status.consecutiveFailures") == 2);
            assertTrue(wait(status) >= 15_000, "about 20 s after two: " + wait(status) + " ms");

            // Recovers.
            server.failing(0);
            due(feed);
            status = awaitStatus(feed, s -> s.getInt("status.consecutiveFailures") == 0);
            assertEquals(3, status.getLong("status.messages.ingested"));
            assertEquals(2, status.getLong("status.failedPolls"));
            assertEquals(1, server.requests("/cap/m3.xml"));
        }
    }

    @Test
    void pollersRacingForADueFeedRequestItOnce() throws Exception {
        String sender = uniqueSender();
        try (FeedServer server = new FeedServer()) {
            server.publish("only", kyivAlert(CAP_1_2, sender, TestAlerts.uniqueId()));
            String feed = addFeed(server.indexUrl(), publisherKeyFor(sender));
            awaitStatus(feed, s -> s.getLong("status.messages.ingested") == 1);
            for (int round = 0; round < 3; round++) {
                int before = server.indexRequests();
                long polls = status(feed).getLong("status.polls");
                due(feed);
                // Three pollers at once besides the service's own, as replicas would be.
                ExecutorService replicas = Executors.newFixedThreadPool(3);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(replicas.submit(() -> {
                        go.await();
                        return poller.pollDue();
                    }));
                }
                go.countDown();
                for (Future<Integer> run : runs) {
                    run.get();
                }
                replicas.shutdown();
                awaitStatus(feed, s -> s.getLong("status.polls") == polls + 1);
                // No second request follows for a while: one poll of a due feed between them.
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                        .until(() -> server.indexRequests() == before + 1);
                assertEquals(polls + 1, status(feed).getLong("status.polls"));
            }
            assertEquals(1, server.requests("/cap/only.xml"));
        }
    }

    /** Over the key's publish limit, the poll stops and leaves the rest for later: nothing is refused or lost. */
    @Test
    void theKeysPublishLimitPausesAFeedWithoutLosingAMessage() throws Exception {
        String sender = uniqueSender();
        String name = "feed limited " + UUID.randomUUID();
        UUID key = UUID.fromString(given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "holder", name, "roles", List.of("publisher"), "senders", List.of(sender),
                        "publishesPerMinute", 1))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("id"));
        try (FeedServer server = new FeedServer()) {
            for (int i = 0; i < 3; i++) {
                server.publish("l" + i, kyivAlert(CAP_1_2, sender, TestAlerts.uniqueId()));
            }
            String feed = addFeed(server.indexUrl(), key);
            JsonPath status = awaitStatus(feed, s -> s.getLong("status.polls") >= 1);
            assertEquals(1, status.getLong("status.messages.ingested"));
            assertEquals(0, status.getLong("status.messages.refused") + status.getLong("status.messages.failing"));
            assertEquals(0, status.getInt("status.consecutiveFailures"), "a limit is not a failure of the feed");
            assertEquals(1, server.requests("/cap/l0.xml"), "the oldest first");
            assertEquals(1, server.requests("/cap/l1.xml"), "fetched, refused for now by the limit");
            assertEquals(0, server.requests("/cap/l2.xml"), "the poll stopped at the limit");
        }
    }

    /** A link that fails is tried again later on its own, while the feed goes on at its interval. */
    @Test
    void aMessageThatCannotBeFetchedIsTriedAgainWithoutHoldingTheFeedBack() throws Exception {
        String sender = uniqueSender();
        try (FeedServer server = new FeedServer()) {
            byte[] late = kyivAlert(CAP_1_2, sender, TestAlerts.uniqueId());
            server.publish("late", late).withhold("/cap/late.xml");
            String feed = addFeed(server.indexUrl(), publisherKeyFor(sender));
            JsonPath status = awaitStatus(feed, s -> s.getLong("status.messages.failing") == 1);
            assertEquals(0, status.getInt("status.consecutiveFailures"), "a message's failure is not the feed's");
            assertEquals(null, status.getString("status.lastError"));
            // Not due again before its own wait: a poll meanwhile leaves it be.
            due(feed);
            status = awaitStatus(feed, s -> s.getLong("status.polls") == 2);
            assertEquals(1, server.requests("/cap/late.xml"));
            assertEquals(0, server.notModified(), "its validators are not kept while a message is owed");
            // Its wait over and the server healed, it is taken.
            server.release("/cap/late.xml");
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement("UPDATE feed_message SET settled_at = ? WHERE feed_id = ?")) {
                s.setTimestamp(1, java.sql.Timestamp.from(Instant.now().minusSeconds(3600)));
                s.setObject(2, UUID.fromString(feed));
                s.executeUpdate();
            }
            due(feed);
            status = awaitStatus(feed, s -> s.getLong("status.messages.ingested") == 1);
            assertEquals(0, status.getLong("status.messages.failing"));
            assertEquals(2, server.requests("/cap/late.xml"));
        }
    }

    /** A poll that outlived its lease writes nothing; an admin's change does not cut into a poll under way. */
    @Test
    void aPollWritesItsEndOnlyWhileItsLeaseIsItsOwn() throws Exception {
        try (FeedServer server = new FeedServer()) {
            String feed = addFeed(server.indexUrl(), publisherKeyFor(uniqueSender()));
            awaitStatus(feed, s -> s.getLong("status.polls") == 1);
            Instant lease = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE feed SET next_poll_at = ?, leased_until = ? WHERE id = ?")) {
                s.setTimestamp(1, java.sql.Timestamp.from(lease));
                s.setTimestamp(2, java.sql.Timestamp.from(lease));
                s.setObject(3, UUID.fromString(feed));
                s.executeUpdate();
            }
            given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON).body(Map.of("pollIntervalSeconds", 6))
                    .patch("/api/v1/feeds/" + feed).then().statusCode(200)
                    .body("status.nextPollAt", equalTo(lease.toString()));
            FeedStore.PollEnd end = new FeedStore.PollEnd(Instant.now(), Instant.now(), false, false, "late", false,
                    null, null);
            assertTrue(!store.endPoll(UUID.fromString(feed), lease.minusSeconds(1), end), "another lease's poll");
            assertEquals(1, status(feed).getLong("status.polls"));
            assertTrue(store.endPoll(UUID.fromString(feed), lease, end), "its own");
            assertEquals(2, status(feed).getLong("status.polls"));
        }
    }

    @Test
    void aFeedIsRefusedNamingTheFieldAndChangesNothing() {
        String before = given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/feeds").asString();
        UUID narrow = publisherKeyFor(uniqueSender());
        post(Map.of("url", "http://169.254.169.254/latest/meta-data", "format", "atom", "pollIntervalSeconds", 60,
                "publisherKey", narrow)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        post(Map.of("url", "http://127.0.0.1:9/feed", "format", "json", "pollIntervalSeconds", 2,
                "publisherKey", UUID.randomUUID())).then().statusCode(400)
                .body("errors.field", hasItem("format")).body("errors.field", hasItem("pollIntervalSeconds"))
                .body("errors.field", hasItem("publisherKey"));
        post(Map.of("url", "http://127.0.0.1:9/" + "a".repeat(2100), "format", "atom", "pollIntervalSeconds", 60,
                "publisherKey", narrow)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url"));
        UUID wildcard = publisherKeyFor("*");
        post(Map.of("url", "http://127.0.0.1:9/feed", "format", "rss", "pollIntervalSeconds", 3601,
                "publisherKey", wildcard)).then().statusCode(400)
                .body("errors.find { it.field == 'publisherKey' }.message", containsString("bound to named senders"));
        given().auth().oauth2(TestKeys.publisher()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/feed", "format", "rss", "pollIntervalSeconds", 60,
                        "publisherKey", narrow)).post("/api/v1/feeds").then().statusCode(403);
        assertEquals(before, given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/feeds").asString());
    }

    @Test
    void aFeedIsPausedResumedAndRemovedLeavingItsAlerts() throws Exception {
        String sender = uniqueSender();
        try (FeedServer server = new FeedServer()) {
            String identifier = TestAlerts.uniqueId();
            server.publish("a", kyivAlert(CAP_1_2, sender, identifier));
            UUID key = publisherKeyFor(sender);
            String feed = addFeed(server.indexUrl(), key);
            awaitStatus(feed, s -> s.getLong("status.messages.ingested") == 1);
            post(Map.of("url", server.indexUrl(), "format", "atom", "pollIntervalSeconds", 60, "publisherKey", key))
                    .then().statusCode(409).body("errors[0].field", equalTo("url"));
            given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON).body(Map.of("enabled", false))
                    .patch("/api/v1/feeds/" + feed).then().statusCode(200).body("enabled", equalTo(false));
            int requests = server.indexRequests();
            due(feed);
            // A paused feed is not polled, however due.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> server.indexRequests() == requests);
            given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON).body(Map.of("pollIntervalSeconds", 4))
                    .patch("/api/v1/feeds/" + feed).then().statusCode(400).body("errors[0].field", equalTo("pollIntervalSeconds"));
            given().auth().oauth2(TestKeys.ADMIN).delete("/api/v1/feeds/" + feed).then().statusCode(204);
            given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/feeds/" + feed).then().statusCode(404);
            given().auth().oauth2(TestKeys.ADMIN).queryParam("sender", sender).get("/api/v1/alerts").then()
                    .statusCode(200).body("items.identifier", hasItem(identifier));
        }
    }

    /** A weather warning for Chile is not an air raid in Kyiv: kept, listed in history, sent to no Ukrainian place. */
    @Test
    void aForeignAlertIsKeptButReachesNoUkrainianPlace() throws Exception {
        String sender = uniqueSender();
        try (FeedServer server = new FeedServer(); WebhookReceiver country = new WebhookReceiver()) {
            TestSubscriptions.create(TestSubscriptions.subscriberKey(), country.url(), "\"regions\": [\"UA\"]");
            String identifier = TestAlerts.uniqueId();
            server.publish("chile", ("""
                    <alert xmlns="%s"><identifier>%s</identifier><sender>%s</sender><sent>%s</sent>
                    <status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><category>Met</category>
                    <event>Marejadas</event><urgency>Expected</urgency><severity>Moderate</severity>
                    <certainty>Likely</certainty><area><areaDesc>Región de Valparaíso</areaDesc>
                    <polygon>-32.5,-71.8 -32.5,-71.2 -33.2,-71.2 -33.2,-71.8 -32.5,-71.8</polygon></area></info></alert>
                    """).formatted(CAP_1_2, identifier, sender, TestAlerts.now()).getBytes(StandardCharsets.UTF_8));
            String feed = addFeed(server.indexUrl(), publisherKeyFor(sender));
            awaitStatus(feed, s -> s.getLong("status.messages.ingested") == 1);
            given().queryParam("sender", sender).get("/api/v1/alerts").then().statusCode(200)
                    .body("items[0].identifier", equalTo(identifier)).body("items[0].regions", hasSize(0))
                    .body("items[0].unresolvedAreas", hasItem("Región de Valparaíso"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> country.received().isEmpty());
        }
    }

    static final String CAP_1_2 = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String CAP_1_1 = "urn:oasis:names:tc:emergency:cap:1.1";

    static byte[] kyivAlert(String namespace, String sender, String identifier) {
        return FeedServer.kyivAlert(namespace, sender, identifier);
    }

    static String uniqueSender() {
        return "feed-" + UUID.randomUUID() + "@example.org";
    }

    /** A publisher key bound to this one sender (pattern); its id. */
    static UUID publisherKeyFor(String sender) {
        String name = "feed publisher " + UUID.randomUUID();
        return UUID.fromString(given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "holder", name, "roles", List.of("publisher"), "senders", List.of(sender)))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("id"));
    }

    private static io.restassured.response.Response post(Map<String, Object> body) {
        return given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/feeds");
    }

    /** Feeds this class added: removed after each test, so that none polls a server that is gone. */
    private static final List<String> ADDED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeFeeds() {
        for (String feed : ADDED) {
            given().auth().oauth2(TestKeys.ADMIN).delete("/api/v1/feeds/" + feed);
        }
        ADDED.clear();
    }

    static String addFeed(String url, UUID key) {
        String id = post(Map.of("url", url, "format", "atom", "pollIntervalSeconds", 5, "publisherKey", key))
                .then().statusCode(201).body("status.messages.ingested", equalTo(0)).extract().path("id");
        ADDED.add(id);
        return id;
    }

    private static JsonPath status(String feed) {
        return given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/feeds/" + feed).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath awaitStatus(String feed, java.util.function.Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(SOON).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = status(feed);
            return condition.test(last[0]);
        });
        return last[0];
    }

    /** How long after its last poll the feed is next due, in milliseconds. */
    private static long wait(JsonPath status) {
        return Duration.between(Instant.parse(status.getString("status.lastPollAt")),
                Instant.parse(status.getString("status.nextPollAt"))).toMillis();
    }

    private void due(String feed) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE feed SET next_poll_at = ? WHERE id = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(Instant.now()));
            s.setObject(2, UUID.fromString(feed));
            assertEquals(1, s.executeUpdate());
        }
    }
}
