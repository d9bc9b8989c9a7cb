package dev.airalert.messaging;

import static dev.airalert.TestAlerts.publish;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Alerts through the real Kafka broker (KRaft) the test set-up starts. */
@QuarkusTest
class KafkaPublishingTest {

    @Test
    void oneRecordPerCoveredRegionKeyedByRegion() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:19092");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "airalert-test-" + UUID.randomUUID());
        // From the end: the topic keeps every earlier run's records.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        List<ConsumerRecord<String, String>> ours = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(KafkaPublisher.TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200));
                return !consumer.assignment().isEmpty();
            });
            consumer.assignment().forEach(consumer::position); // the end is fixed before publishing
            String sender = publishForTwoRegions();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (sender.equals(JsonPath.from(r.value()).getString("data.sender"))) {
                        ours.add(r);
                    }
                });
                return ours.size() >= 2;
            });
        }
        assertEquals(List.of("UA-30", "UA-46"), ours.stream().map(ConsumerRecord::key).sorted().toList());
        ConsumerRecord<String, String> first = ours.get(0);
        String id = JsonPath.from(first.value()).getString("id");
        assertTrue(id.startsWith("evt_"));
        assertEquals(id, new String(first.headers().lastHeader("message-id").value(), StandardCharsets.UTF_8));
        assertEquals("alert.published", new String(first.headers().lastHeader("type").value(), StandardCharsets.UTF_8));
    }

    /** One alert for two regions, Kyiv city and Lviv oblast; returns its sender. */
    private static String publishForTwoRegions() {
        String sender = TestAlerts.uniqueSender();
        String alert = TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()).replace(
                "\"geocode\": [{\"valueName\": \"ISO3166-2\", \"value\": \"UA-30\"}]",
                "\"geocode\": [{\"valueName\": \"ISO3166-2\", \"value\": \"UA-30\"},"
                        + " {\"valueName\": \"ISO3166-2\", \"value\": \"UA-46\"}]");
        publish(alert).then().statusCode(201);
        return sender;
    }
}
