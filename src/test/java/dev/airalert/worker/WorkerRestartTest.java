package dev.airalert.worker;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service's other workers killed for real (the delivery threads and the stream's tail have
 * tests of their own, with what they deliver), and health with the check "workers".
 */
@QuarkusTest
class WorkerRestartTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(strings = {"airalert-broker-rabbitmq", "airalert-broker-mqtt", "airalert-broker-kafka"})
    void aKilledBrokerRelayIsRestarted(String worker) {
        double restarts = WorkerThreads.restarts(worker);
        Thread killed = WorkerThreads.killWhileWaiting(worker);
        await().atMost(SOON).until(() -> WorkerThreads.restarts(worker) > restarts);
        assertEquals(restarts + 1, WorkerThreads.restarts(worker));
        WorkerThreads.restarted(worker, killed);
    }

    @Test
    void aKilledCommitListenerIsRestarted() {
        String worker = "airalert-notifications";
        double restarts = WorkerThreads.restarts(worker);
        // It waits in a socket read, not on a monitor; it owns its connection, which dies with it.
        Thread killed = WorkerThreads.kill(worker);
        await().atMost(SOON).until(() -> WorkerThreads.restarts(worker) > restarts);
        WorkerThreads.restarted(worker, killed);
    }

    @Test
    void healthHasTheWorkersCheckUpWhileEveryWorkerRuns() {
        await().atMost(SOON).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'workers' }.status", equalTo("UP")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'workers' }.status", equalTo("UP"));
    }
}
