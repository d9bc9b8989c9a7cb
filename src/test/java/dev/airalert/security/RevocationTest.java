package dev.airalert.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.delivery.WebhookReceiver;
import dev.airalert.stream.SseClient;
import dev.airalert.subscription.TestSubscriptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Revoking a key stops everything it owns at once: its subscriptions (saying why) and its streams. */
@QuarkusTest
class RevocationTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    @Test
    void aRevokedSubscribersWebhooksStopAndSayWhy() throws Exception {
        try (WebhookReceiver kept = new WebhookReceiver(); WebhookReceiver revoked = new WebhookReceiver()) {
            String stays = TestSubscriptions.subscriberKey();
            String goes = TestSubscriptions.subscriberKey();
            TestSubscriptions.create(stays, kept.url(), "\"regions\": [\"UA-32\"]");
            String subscription = TestSubscriptions.create(goes, revoked.url(), "\"regions\": [\"UA-32\"]").getString("id");
            String first = TestAlerts.uniqueSender();
            TestAlerts.publish(TestAlerts.kyivAirRaid(first, TestAlerts.uniqueId()).replace("UA-30", "UA-32"));
            await().atMost(SOON).until(() -> revoked.received().size() == 1 && kept.received().size() == 1);

            String keyId = given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/api-keys").then().extract().jsonPath()
                    .getList("findAll { it.prefix == '" + goes.substring(0, 10) + "' }.id", String.class).get(0);
            given().auth().oauth2(TestKeys.ADMIN).delete("/api/v1/api-keys/" + keyId).then().statusCode(200);

            String second = TestAlerts.uniqueSender();
            TestAlerts.publish(TestAlerts.kyivAirRaid(second, TestAlerts.uniqueId()).replace("UA-30", "UA-32"));
            await().atMost(SOON).until(() -> kept.received().stream().anyMatch(r -> r.body().contains(second)));
            assertEquals(1, revoked.received().size(), "nothing reaches a revoked key's endpoint");
            given().auth().oauth2(goes).get("/api/v1/subscriptions").then().statusCode(401);
            given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/api-keys/" + keyId + "/subscriptions").then()
                    .statusCode(200).body("find { it.id == '" + subscription + "' }.enabled", equalTo(false))
                    .body("find { it.id == '" + subscription + "' }.disabledReason", equalTo("its API key was revoked"))
                    .body("find { it.id == '" + subscription + "' }.disabledAt", notNullValue());
            given().auth().oauth2(TestKeys.ADMIN).queryParam("key", "admin").queryParam("action", "key.revoked")
                    .get("/api/v1/audit").then().body("items.detail", hasItem("key " + keyId));
        }
    }

    @Test
    void aStreamOpenedWithARevokedKeyEnds() {
        String reader = TestKeys.create("stream reader", List.of("subscriber"));
        String keyId = given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/api-keys").then().extract().jsonPath()
                .getList("findAll { it.prefix == '" + reader.substring(0, 10) + "' }.id", String.class).get(0);
        try (SseClient open = new SseClient(stream + "?region=UA-30", null, reader)) {
            String before = TestAlerts.uniqueSender();
            TestAlerts.publish(TestAlerts.kyivAirRaid(before, TestAlerts.uniqueId()));
            open.awaitSender(before);
            given().auth().oauth2(TestKeys.ADMIN).delete("/api/v1/api-keys/" + keyId).then().statusCode(200);
            // The test profile's heartbeat is 300 ms: the response ends at the next one.
            await().atMost(SOON).until(open::ended);
            String after = TestAlerts.uniqueSender();
            TestAlerts.publish(TestAlerts.kyivAirRaid(after, TestAlerts.uniqueId()));
            assertTrue(open.events.stream().noneMatch(e -> after.equals(e.data().getString("sender"))));
        }
    }
}
