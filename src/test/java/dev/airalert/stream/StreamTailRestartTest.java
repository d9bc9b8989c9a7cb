package dev.airalert.stream;

import static dev.airalert.TestAlerts.publish;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.worker.WorkerThreads;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The stream's tail thread killed for real: restarted, it hands on what was committed while it was dead. */
@QuarkusTest
class StreamTailRestartTest {

    private static final String TAIL = "airalert-stream";

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    private static String publishKyivAlert() {
        String sender = TestAlerts.uniqueSender();
        publish(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())).then().statusCode(201);
        return sender;
    }

    @Test
    void aKilledTailIsRestartedAndHandsOnTheAlertsPublishedWhileItWasDead() {
        try (SseClient reader = new SseClient(stream + "?region=UA-30", null, null)) {
            reader.awaitSender(publishKyivAlert());
            boolean publishedWhileDead = false;
            // The publish must commit between the kill and the restart: tried again in the rare run where it was too slow.
            for (int attempt = 0; attempt < 3 && !publishedWhileDead; attempt++) {
                double restarts = WorkerThreads.restarts(TAIL);
                Thread killed = WorkerThreads.killWhileWaiting(TAIL);
                String sender = publishKyivAlert();
                publishedWhileDead = WorkerThreads.restarts(TAIL) == restarts;
                await().atMost(Duration.ofSeconds(10)).until(() -> WorkerThreads.restarts(TAIL) > restarts);
                WorkerThreads.restarted(TAIL, killed);
                reader.awaitSender(sender);
            }
            assertTrue(publishedWhileDead, "an alert was published while the tail was dead");
        }
    }
}
