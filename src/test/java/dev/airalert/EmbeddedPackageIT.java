package dev.airalert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import dev.airalert.delivery.WebhookReceiver;
import dev.airalert.delivery.WebhookReceiver.Answer;
import dev.airalert.delivery.WebhookReceiver.Received;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
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
 * directory, no database, no admin key configured. It must start on H2 under ./data, print
 * and store a generated admin key, publish and serve an alert, and deliver webhooks (the
 * direct fan-out and, after a failure, the queue) on H2's SQL.
 */
class EmbeddedPackageIT {

    private static final Path JAR = Path.of("target/embedded/quarkus-app/quarkus-run.jar");

    private Path workDir;
    private Process process;
    private String base;

    @BeforeEach
    void start() throws IOException {
        assertTrue(Files.exists(JAR), "the embedded package is built in the package phase: " + JAR);
        workDir = Files.createTempDirectory("airalert-embedded");
        int port = freePort();
        base = "http://localhost:" + port;
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", JAR.toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("out.log").toFile());
        builder.environment().remove("AIRALERT_ADMIN_KEY");
        // Receivers in this test listen on loopback, and a retry should not take minutes.
        builder.environment().put("AIRALERT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8");
        builder.environment().put("AIRALERT_WEBHOOKS_RETRY_SCHEDULE", "300ms,600ms");
        process = builder.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> given().get(base + "/q/health/ready").statusCode() == 200);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void publishesAndReadsAnAlertOnTheEmbeddedDefault() throws IOException {
        String adminKey = Files.readString(workDir.resolve("data/admin-key")).trim();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String log = Files.readString(workDir.resolve("out.log"));
            assertTrue(log.contains(adminKey), "the generated admin key is printed at start");
            assertTrue(log.contains("airalert listening on " + base), log);
        });
        assertTrue(Files.exists(workDir.resolve("data/airalert.mv.db")), "H2 file database under ./data");

        String publisher = given().auth().oauth2(adminKey).contentType(ContentType.JSON)
                .body(Map.of("name", "embedded test", "roles", List.of("publisher")))
                .post(base + "/api/v1/api-keys").then().statusCode(201).extract().path("secret");
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
        String adminKey = Files.readString(workDir.resolve("data/admin-key")).trim();
        String subscriber = given().auth().oauth2(adminKey).contentType(ContentType.JSON)
                .body(Map.of("name", "embedded subscriber", "roles", List.of("subscriber")))
                .post(base + "/api/v1/api-keys").then().statusCode(201).extract().path("secret");
        String publisher = given().auth().oauth2(adminKey).contentType(ContentType.JSON)
                .body(Map.of("name", "embedded publisher", "roles", List.of("publisher")))
                .post(base + "/api/v1/api-keys").then().statusCode(201).extract().path("secret");
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
