package dev.airalert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of ingest on the packaged embedded default: several publishers
 * send alerts, the process is killed (SIGKILL: no shutdown hook, nothing flushed) while
 * they do, and started again on the same ./data. Every alert answered with 201 before the
 * kill must be there, twice over.
 */
class EmbeddedCrashIT {

    private static final int PUBLISHERS = 4;
    private static final int KILLS = 2;
    /** Publishes answered in a round before the kill: enough to be in full flow. */
    private static final int ANSWERED_BEFORE_KILL = 150;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAnsweredPublishSurvivesKillMinusNine() throws Exception {
        try (PackagedApp app = PackagedApp.embedded().env("AIRALERT_SECURITY_PUBLISHES_PER_MINUTE", "100000").start()) {
            String publisher = app.createKey("crash test", "publisher");
            Map<String, String> answered = new ConcurrentHashMap<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                int before = answered.size();
                publishAndKill(app, publisher, answered);
                assertTrue(answered.size() >= before + ANSWERED_BEFORE_KILL, "publishes were answered: " + answered.size());

                app.start();
                List<String> lost = new ArrayList<>();
                answered.forEach((location, identifier) -> {
                    Response read = given().get(location);
                    if (read.statusCode() != 200 || !identifier.equals(read.path("identifier"))) {
                        lost.add(identifier);
                    }
                });
                assertEquals(List.of(), lost, lost.size() + " of the " + answered.size()
                        + " alerts answered with 201 are gone after kill " + kill);
            }
        }
    }

    /** Publishes from several threads, records each 201 (location, identifier), and kills the process while they go on. */
    private void publishAndKill(PackagedApp app, String publisher, Map<String, String> answered) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> publishers = new ArrayList<>();
        int before = answered.size();
        for (int i = 0; i < PUBLISHERS; i++) {
            Thread thread = new Thread(() -> {
                while (!killed.get()) {
                    publishOne(app, publisher, answered);
                }
            });
            thread.start();
            publishers.add(thread);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(() -> answered.size() >= before + ANSWERED_BEFORE_KILL);
        app.kill();
        killed.set(true);
        for (Thread thread : publishers) {
            thread.join(10_000);
        }
    }

    private void publishOne(PackagedApp app, String publisher, Map<String, String> answered) {
        String identifier = TestAlerts.uniqueId();
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/alerts"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + publisher).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), identifier)))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 201) {
                answered.put(response.headers().firstValue("Location").orElseThrow(), identifier);
            }
        } catch (IOException e) {
            // Killed under the request: no answer, so nothing was promised.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
