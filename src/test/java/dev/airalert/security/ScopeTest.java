package dev.airalert.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.GetResponse;
import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.delivery.WebhookReceiver;
import dev.airalert.messaging.TestRabbit;
import dev.airalert.stream.SseClient;
import dev.airalert.subscription.TestSubscriptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * CAP scope, channel by channel: a Private alert (an embassy's notice to its own staff)
 * reaches the keys whose addresses it names, its publisher and admins, and nobody else:
 * not anonymous reads, the Atom feed, the map's status and region pages, anonymous streams,
 * other subscribers' webhooks or broker topics. Each check is made after a Public alert
 * published later has arrived, so "not received" means "not sent", not "not yet".
 */
@QuarkusTest
class ScopeTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    static String subscriberWith(List<String> addresses) {
        return given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "staff", "holder", "staff " + UUID.randomUUID(), "roles", List.of("subscriber"),
                        "addresses", addresses))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
    }

    static String privateAlert(String sender, String identifier, String address, String event) {
        return TestAlerts.alert(sender, identifier, TestAlerts.now(), "Alert", null, "Actual", event, "Extreme",
                "Immediate", "Observed", "UA-40", TestAlerts.inTwoHours())
                .replace("\"scope\": \"Public\"", "\"scope\": \"Private\", \"addresses\": \"" + address
                        + " \\\"consular section\\\"\"");
    }

    @Test
    void aPrivateAlertReachesOnlyTheKeysItIsAddressedTo() throws Exception {
        String address = "embassy-staff-" + UUID.randomUUID();
        String staff = subscriberWith(List.of(address));
        String outsider = TestSubscriptions.subscriberKey();
        String sender = TestAlerts.uniqueSender();
        String event = "shelter-order-" + UUID.randomUUID();
        String queue = TestRabbit.queue("alert.UA.UA-40.#");
        try (WebhookReceiver staffHook = new WebhookReceiver(); WebhookReceiver outsiderHook = new WebhookReceiver();
                SseClient anonymous = new SseClient(stream + "?region=UA-40", null, null);
                SseClient keyed = new SseClient(stream + "?region=UA-40", null, staff)) {
            TestSubscriptions.create(staff, staffHook.url(), "\"regions\": [\"UA-40\"]");
            TestSubscriptions.create(outsider, outsiderHook.url(), "\"regions\": [\"UA-40\"]");

            String identifier = TestAlerts.uniqueId();
            String id = TestAlerts.publish(privateAlert(sender, identifier, address, event)).then().statusCode(201)
                    .body("scope", equalTo("Private")).extract().path("id");
            String marker = TestAlerts.uniqueSender();
            TestAlerts.publish(TestAlerts.kyivAirRaid(marker, TestAlerts.uniqueId()).replace("UA-30", "UA-40"))
                    .then().statusCode(201);

            // Webhooks: the addressed key's subscription gets it, signed verdict and all; the other's does not.
            await().atMost(SOON).until(() -> has(staffHook, sender) && has(staffHook, marker) && has(outsiderHook, marker));
            assertFalse(has(outsiderHook, sender), "a subscriber not addressed never gets a Private alert");
            JsonPath delivered = staffHook.received().stream().map(r -> JsonPath.from(r.body()))
                    .filter(b -> sender.equals(b.getString("data.sender"))).findFirst().orElseThrow();
            assertTrue(delivered.getString("data.signature.verdict").equals("unsigned"), "every payload has the verdict");
            // Streams: a stream opened with the addressed key gets it; an anonymous one does not.
            keyed.awaitSender(sender);
            anonymous.awaitSender(marker);
            assertFalse(anonymous.hasSender(sender), "an anonymous stream never carries a Private alert");
            // Broker topics are readable by whoever can bind a queue: never there.
            List<String> published = sendersUntil(queue, marker);
            assertFalse(published.contains(sender), "a Private alert is never published to a broker");

            // Reads: only the addressed key, the publisher and admins.
            given().get("/api/v1/alerts/" + id).then().statusCode(404);
            given().auth().oauth2(outsider).get("/api/v1/alerts/" + id).then().statusCode(404);
            given().accept("application/cap+xml").get("/api/v1/alerts/" + id).then().statusCode(404);
            given().auth().oauth2(staff).get("/api/v1/alerts/" + id).then().statusCode(200)
                    .body("publishedBy", equalTo(null));
            given().auth().oauth2(TestKeys.publisher()).get("/api/v1/alerts/" + id).then().statusCode(200);
            given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/alerts/" + id).then().statusCode(200)
                    .body("publishedBy.holder", equalTo("test publisher"));
            given().queryParam("sender", sender).get("/api/v1/alerts").then().body("items", hasSize(0));
            given().auth().oauth2(staff).queryParam("sender", sender).get("/api/v1/alerts").then().body("items", hasSize(1));
            given().auth().oauth2(outsider).queryParam("sender", sender).get("/api/v1/alerts").then().body("items", hasSize(0));
            given().auth().oauth2(staff).queryParam("sender", sender).get("/api/v1/alerts.atom").then().statusCode(200)
                    .body(not(org.hamcrest.Matchers.containsString(identifier)));
            // The map: status and region pages are anonymous.
            given().get("/api/v1/status").then().body("regions.'UA-40'.events", not(hasItem(event)));
            given().get("/api/v1/regions/UA-40").then().body("activeAlerts.identifier", not(hasItem(identifier)));
        } finally {
            TestRabbit.drainIdentifiers(queue);
        }
    }

    private static boolean has(WebhookReceiver receiver, String sender) {
        return receiver.received().stream().anyMatch(r -> sender.equals(JsonPath.from(r.body()).getString("data.sender")));
    }

    /** The senders of what the queue got, once the alert published last (by {@code marker}) is among them. */
    private static List<String> sendersUntil(String queue, String marker) throws Exception {
        List<String> seen = new ArrayList<>();
        try (var connection = TestRabbit.factory().newConnection(); var channel = connection.createChannel()) {
            await().atMost(SOON).until(() -> {
                for (GetResponse r; (r = channel.basicGet(queue, true)) != null;) {
                    seen.add(JsonPath.from(new String(r.getBody(), StandardCharsets.UTF_8)).getString("data.sender"));
                }
                return seen.contains(marker);
            });
        }
        return seen;
    }
}
