package dev.airalert.stream;

import static dev.airalert.TestAlerts.publish;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The live stream over real HTTP: filters, order, replay after a reconnect, heartbeats, other instances' events. */
@QuarkusTest
class StreamTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    @Inject
    AgroalDataSource db;

    /** A stream client on this test's service. */
    private SseClient reader(String query, String lastEventId) {
        return new SseClient(stream + query, lastEventId, null);
    }

    @Test
    void filtersByRegionNameAndEventAndCarriesIdTypeAndAlert() {
        try (SseClient reader = reader("?region=Kyiv&event=air%20raid", null)) {
            String lviv = TestAlerts.uniqueSender();
            publish(TestAlerts.kyivAirRaid(lviv, TestAlerts.uniqueId()).replace("UA-30", "UA-46")).then().statusCode(201);
            String kyiv = TestAlerts.uniqueSender();
            String id = publish(TestAlerts.kyivAirRaid(kyiv, TestAlerts.uniqueId())).then().statusCode(201)
                    .extract().path("id");
            SseClient.Event event = reader.awaitSender(kyiv);
            assertTrue(event.id().startsWith("evt_"));
            assertEquals("alert.published", event.name());
            assertEquals(id, event.data().getString("id"));
            assertTrue(reader.events.stream().noneMatch(e -> lviv.equals(e.data().getString("sender"))),
                    "Lviv's alert came first and was filtered out");
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsWhatItMissedInOrder() {
        String first = TestAlerts.uniqueSender();
        String lastSeen;
        try (SseClient reader = reader("?region=UA-53", null)) {
            publish(TestAlerts.kyivAirRaid(first, TestAlerts.uniqueId()).replace("UA-30", "UA-53")).then().statusCode(201);
            lastSeen = reader.awaitSender(first).id();
        }
        String second = TestAlerts.uniqueSender();
        String third = TestAlerts.uniqueSender();
        publish(TestAlerts.kyivAirRaid(second, TestAlerts.uniqueId()).replace("UA-30", "UA-53")).then().statusCode(201);
        publish(TestAlerts.kyivAirRaid(third, TestAlerts.uniqueId()).replace("UA-30", "UA-53")).then().statusCode(201);
        try (SseClient reader = reader("?region=UA-53", lastSeen)) {
            reader.awaitSender(third);
            List<String> senders = reader.events.stream().map(e -> e.data().getString("sender")).toList();
            assertEquals(List.of(second, third), senders.subList(0, 2));
        }
    }

    @Test
    void idleStreamsGetHeartbeatComments() {
        try (SseClient reader = reader("?region=UA-21&event=nothing-ever", null)) {
            await().atMost(SOON).until(() -> !reader.comments.isEmpty());
        }
    }

    @Test
    void eventsCommittedByAnotherInstanceAppearToo() throws Exception {
        String sender = TestAlerts.uniqueSender();
        String alertId = publish(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()).replace("UA-30", "UA-59"))
                .then().statusCode(201).extract().path("id");
        UUID eventId = UUID.randomUUID();
        try (SseClient reader = reader("?region=UA-59", null)) {
            // Written straight into the event log, as another instance's publish would be.
            try (var c = db.getConnection(); var s = c.prepareStatement("INSERT INTO alert_event (id, type, alert_id,"
                    + " chain_key, related_alert_ids, created_at, payload) SELECT ?, 'alert.updated', alert_id, chain_key,"
                    + " '', ?, payload FROM alert_event WHERE alert_id = ? ORDER BY seq FETCH FIRST 1 ROWS ONLY")) {
                s.setObject(1, eventId);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setObject(3, UUID.fromString(alertId));
                assertEquals(1, s.executeUpdate());
            }
            SseClient.Event event = reader.awaitSender(sender);
            assertEquals("evt_" + eventId.toString().replace("-", ""), event.id());
            assertEquals("alert.updated", event.name());
        }
    }

    @Test
    void anUnknownRegionIsAProblemNamingTheField() {
        RestAssured.given().accept("text/event-stream").get("/api/v1/alerts/stream?region=Atlantis")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("region"));
    }
}
