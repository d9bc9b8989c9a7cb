package dev.airalert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import dev.airalert.delivery.WebhookReceiver.Answer;
import dev.airalert.delivery.WebhookReceiver.Received;
import dev.airalert.delivery.WebhookReceiver;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged embedded default, run as a new user would: {@code java -jar} in an empty
 * directory, no database, no admin key configured. It must start on H2 under ./data, store
 * a generated admin key and master key (saying where, never printing them), publish and
 * serve an alert, and deliver webhooks (the direct fan-out and, after a failure, the queue)
 * on H2's SQL.
 */
class EmbeddedPackageIT {

    private PackagedApp app;
    private Path workDir;
    private String base;

    @BeforeEach
    void start() throws IOException {
        // Receivers in this test listen on loopback, and a retry should not take minutes.
        app = PackagedApp.embedded().env("AIRALERT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8")
                .env("AIRALERT_WEBHOOKS_RETRY_SCHEDULE", "300ms,600ms").start();
        workDir = app.workDir();
        base = app.base();
    }

    @AfterEach
    void stop() throws InterruptedException {
        app.stop();
    }

    @Test
    void publishesAndReadsAnAlertOnTheEmbeddedDefault() throws IOException {
        String adminKey = Files.readString(workDir.resolve("data/admin-key")).trim();
        String masterKey = Files.readString(workDir.resolve("data/master-key")).trim();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String log = Files.readString(workDir.resolve("out.log"));
            assertTrue(log.contains("airalert listening on " + base), log);
            assertTrue(log.contains(workDir.resolve("data/admin-key").toRealPath().toString()), "the log says where the key is");
            assertFalse(log.contains(adminKey), "the admin key is never printed");
            assertFalse(log.contains(masterKey), "nor the master key");
        });
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(workDir.resolve("data/master-key"))));
        assertTrue(Files.exists(workDir.resolve("data/airalert.mv.db")), "H2 file database under ./data");

        String publisher = app.createKey("embedded test", "publisher");
        String sender = TestAlerts.uniqueSender();
        String location = given().auth().oauth2(publisher).contentType(ContentType.JSON)
                .body(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()))
                .post(base + "/api/v1/alerts").then().statusCode(201).extract().header("Location");
        given().get(location).then().statusCode(200).body("regions", hasItem("UA-30"));
        given().accept("application/cap+xml").get(location).then().statusCode(200)
                .body("alert.sender", equalTo(sender));
        given().queryParam("region", "UA-30").get(base + "/api/v1/alerts").then().statusCode(200)
                .body("items.sender", hasItem(sender));
        given().get(base + "/q/health/ready").then().body(containsString("UP"));
    }

    @Test
    void deliversSignedWebhooksOnTheEmbeddedDefault() throws Exception {
        String subscriber = app.createKey("embedded subscriber", "subscriber");
        String publisher = app.createKey("embedded publisher", "publisher");
        try (WebhookReceiver first = new WebhookReceiver();
                WebhookReceiver flaky = new WebhookReceiver().answering(n -> n == 1 ? Answer.status(503) : Answer.status(204))) {
            String secret = given().auth().oauth2(subscriber).contentType(ContentType.JSON)
                    .body(Map.of("url", first.url(), "regions", List.of("Kyiv")))
                    .post(base + "/api/v1/subscriptions").then().statusCode(201).extract().path("secret");
            String flakyId = given().auth().oauth2(subscriber).contentType(ContentType.JSON)
                    .body(Map.of("url", flaky.url(), "regions", List.of("UA-30")))
                    .post(base + "/api/v1/subscriptions").then().statusCode(201).extract().path("id");
            given().auth().oauth2(publisher).contentType(ContentType.JSON)
                    .body(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId()))
                    .post(base + "/api/v1/alerts").then().statusCode(201);

            await().atMost(Duration.ofSeconds(20)).until(() -> first.received().size() == 1 && flaky.received().size() == 2);
            Received r = first.received().get(0);
            new Webhook(secret).verify(r.body(), r.headers());
            assertEquals(r.header("webhook-id"), flaky.received().get(1).header("webhook-id"), "a retry keeps the id");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(subscriber)
                    .get(base + "/api/v1/subscriptions/" + flakyId + "/deliveries").then().statusCode(200)
                    .body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(2)));
        }
    }
}
