package dev.airalert.delivery;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.TestAlerts;
import dev.airalert.subscription.TestSubscriptions;
import dev.airalert.worker.WorkerThreads;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each delivery thread killed for real: it is restarted, counted, and webhooks go out and are recorded as before. */
@QuarkusTest
class DeliveryWorkerRestartTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"airalert-fanout", "airalert-dispatch", "airalert-outcomes"})
    void aKilledDeliveryThreadIsRestartedAndTheNextAlertIsDeliveredAndRecorded(String worker) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String key = TestSubscriptions.subscriberKey();
            String subscription = TestSubscriptions.create(key, receiver.url(), "\"regions\": [\"UA-30\"]").getString("id");
            double restarts = WorkerThreads.restarts(worker);

            Thread killed = WorkerThreads.killWhileWaiting(worker);
            await().atMost(SOON).until(() -> WorkerThreads.restarts(worker) > restarts);
            assertEquals(restarts + 1, WorkerThreads.restarts(worker));
            WorkerThreads.restarted(worker, killed);

            String sender = TestAlerts.uniqueSender();
            publish(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())).then().statusCode(201);
            await().atMost(SOON).until(() -> receiver.received().stream().anyMatch(r -> r.body().contains(sender)));
            await().atMost(SOON).untilAsserted(() -> given().auth().oauth2(key)
                    .get("/api/v1/subscriptions/" + subscription + "/deliveries").then().statusCode(200)
                    .body("[0].status", equalTo("delivered")));
            given().get("/q/health/live").then().statusCode(200);
        }
    }
}
