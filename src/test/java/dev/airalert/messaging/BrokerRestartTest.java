package dev.airalert.messaging;

import static dev.airalert.TestAlerts.publish;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.TestAlerts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * RabbitMQ stopped and started again in the middle of a burst of 1,000 alerts: the consumer
 * counts every one of them (duplicates allowed, none missing), and readiness reports the
 * broker down in between. Uses the machine's {@code rabbitmqctl} to stop and start the
 * broker application.
 */
@QuarkusTest
class BrokerRestartTest {

    private static final int ALERTS = 1_000;

    @Inject
    AgroalDataSource db;

    @Test
    void aBrokerRestartDuringABurstLosesNoAlert() throws Exception {
        String queue = TestRabbit.queue("alert.UA.UA-09.#");
        String sender = TestAlerts.uniqueSender();
        AtomicInteger published = new AtomicInteger();
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> burst = new java.util.ArrayList<>();
            for (int i = 0; i < ALERTS; i++) {
                String identifier = "restart-" + i;
                burst.add(publishers.submit(() -> {
                    publish(TestAlerts.kyivAirRaid(sender, identifier).replace("UA-30", "UA-09")).then().statusCode(201);
                    published.incrementAndGet();
                }));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> published.get() >= ALERTS / 4);
            TestRabbit.ctl("stop_app");
            // Readiness says so while the broker is away, and recovers by itself.
            await().atMost(Duration.ofSeconds(20)).until(() -> io.restassured.RestAssured.get("/q/health/ready")
                    .statusCode() == 503);
            TestRabbit.ctl("start_app");
            await().atMost(Duration.ofSeconds(60)).until(() -> io.restassured.RestAssured.get("/q/health/ready")
                    .statusCode() == 200);
            for (Future<?> f : burst) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            publishers.shutdownNow();
        }
        assertEquals(ALERTS, published.get());

        await().atMost(Duration.ofSeconds(120)).until(() -> brokerBacklog() == 0);
        List<String> consumed = TestRabbit.drainIdentifiers(queue);
        Set<String> identifiers = new HashSet<>(consumed);
        int messages = consumed.size();
        System.out.printf("RabbitMQ restart during %d alerts: %d messages consumed, %d distinct, %d duplicates%n",
                ALERTS, messages, identifiers.size(), messages - identifiers.size());
        assertEquals(ALERTS, identifiers.size(), "every alert reached the consumer");
    }

    private long brokerBacklog() throws Exception {
        try (var c = db.getConnection(); var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM broker_outbox WHERE connector = 'rabbitmq'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
