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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The live stream over real HTTP: filters, order, replay after a reconnect, heartbeats, other instances' events. */
@QuarkusTest
class StreamTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    @Inject
    AgroalDataSource db;

    /** One Server-Sent Event as received. */
    record Event(String id, String name, JsonPath data) {
    }

    /** A stream client collecting events and comments until closed. */
    final class Reader implements AutoCloseable {
        final List<Event> events = new CopyOnWriteArrayList<>();
        final List<String> comments = new CopyOnWriteArrayList<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;

        Reader(String query, String lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + query))
                    .header("accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAccept(r -> {
                String[] current = new String[3];
                StringBuilder data = new StringBuilder();
                r.body().forEach(line -> {
                    if (line.startsWith(":")) {
                        comments.add(line);
                    } else if (line.startsWith("id:")) {
                        current[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        current[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && data.length() > 0) {
                        events.add(new Event(current[0], current[1], JsonPath.from(data.toString())));
                        data.setLength(0);
                    }
                });
            });
            await().atMost(SOON).until(response::isDone);
            assertEquals(200, response.join().statusCode());
        }

        Event awaitSender(String sender) {
            await().atMost(SOON).until(() -> events.stream().anyMatch(e -> sender.equals(e.data().getString("sender"))));
            return events.stream().filter(e -> sender.equals(e.data().getString("sender"))).findFirst().get();
        }

        @Override
        public void close() {
            response.join().body().close();
        }
    }

    @Test
    void filtersByRegionNameAndEventAndCarriesIdTypeAndAlert() {
        try (Reader reader = new Reader("?region=Kyiv&event=air%20raid", null)) {
            String lviv = TestAlerts.uniqueSender();
            publish(TestAlerts.kyivAirRaid(lviv, TestAlerts.uniqueId()).replace("UA-30", "UA-46")).then().statusCode(201);
            String kyiv = TestAlerts.uniqueSender();
            String id = publish(TestAlerts.kyivAirRaid(kyiv, TestAlerts.uniqueId())).then().statusCode(201)
                    .extract().path("id");
            Event event = reader.awaitSender(kyiv);
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
        try (Reader reader = new Reader("?region=UA-53", null)) {
            publish(TestAlerts.kyivAirRaid(first, TestAlerts.uniqueId()).replace("UA-30", "UA-53")).then().statusCode(201);
            lastSeen = reader.awaitSender(first).id();
        }
        String second = TestAlerts.uniqueSender();
        String third = TestAlerts.uniqueSender();
        publish(TestAlerts.kyivAirRaid(second, TestAlerts.uniqueId()).replace("UA-30", "UA-53")).then().statusCode(201);
        publish(TestAlerts.kyivAirRaid(third, TestAlerts.uniqueId()).replace("UA-30", "UA-53")).then().statusCode(201);
        try (Reader reader = new Reader("?region=UA-53", lastSeen)) {
            reader.awaitSender(third);
            List<String> senders = reader.events.stream().map(e -> e.data().getString("sender")).toList();
            assertEquals(List.of(second, third), senders.subList(0, 2));
        }
    }

    @Test
    void idleStreamsGetHeartbeatComments() {
        try (Reader reader = new Reader("?region=UA-21&event=nothing-ever", null)) {
            await().atMost(SOON).until(() -> !reader.comments.isEmpty());
        }
    }

    @Test
    void eventsCommittedByAnotherInstanceAppearToo() throws Exception {
        String sender = TestAlerts.uniqueSender();
        String alertId = publish(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()).replace("UA-30", "UA-59"))
                .then().statusCode(201).extract().path("id");
        UUID eventId = UUID.randomUUID();
        try (Reader reader = new Reader("?region=UA-59", null)) {
            // Written straight into the event log, as another instance's publish would be.
            try (var c = db.getConnection(); var s = c.prepareStatement("INSERT INTO alert_event (id, type, alert_id,"
                    + " chain_key, related_alert_ids, created_at, payload) SELECT ?, 'alert.updated', alert_id, chain_key,"
                    + " '', ?, payload FROM alert_event WHERE alert_id = ? ORDER BY seq FETCH FIRST 1 ROWS ONLY")) {
                s.setObject(1, eventId);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setObject(3, UUID.fromString(alertId));
                assertEquals(1, s.executeUpdate());
            }
            Event event = reader.awaitSender(sender);
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
