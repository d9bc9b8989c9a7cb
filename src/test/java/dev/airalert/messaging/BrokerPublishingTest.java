package dev.airalert.messaging;

import static dev.airalert.TestAlerts.publish;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.airalert.TestAlerts;
import dev.airalert.messaging.RabbitQueues.Delivered;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Alerts through the real RabbitMQ and Mosquitto on this machine. */
@QuarkusTest
class BrokerPublishingTest {

    private static final Duration SOON = Duration.ofSeconds(15);

    @Inject
    Vertx vertx;

    @Test
    void aConsumerBoundToKyivGetsKyivAlertsNotLvivOnesThenTheirUpdateAndCancel() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(RabbitPublisher.EXCHANGE, BuiltinExchangeType.TOPIC, true, false,
                    Map.of("alternate-exchange", RabbitPublisher.UNROUTED));
            List<Delivered> got = RabbitQueues.consume(channel, RabbitPublisher.EXCHANGE, "alert.UA.UA-30.#");

            String lviv = TestAlerts.uniqueSender();
            publish(TestAlerts.kyivAirRaid(lviv, TestAlerts.uniqueId()).replace("UA-30", "UA-46")).then().statusCode(201);
            String kyiv = TestAlerts.uniqueSender();
            String identifier = TestAlerts.uniqueId();
            String sent = TestAlerts.now();
            publish(TestAlerts.alert(kyiv, identifier, sent, "Alert", null, "Actual", "air raid", "Extreme",
                    "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours())).then().statusCode(201);
            await().atMost(SOON).until(() -> got.stream().anyMatch(d -> kyiv.equals(d.body().getString("data.sender"))));
            // Lviv's alert was relayed first: had it been routed here, it would be here already.
            assertTrue(got.stream().noneMatch(d -> lviv.equals(d.body().getString("data.sender"))));
            Delivered alert = got.stream().filter(d -> kyiv.equals(d.body().getString("data.sender"))).findFirst().get();
            assertEquals("alert.UA.UA-30.air_raid", alert.routingKey());
            assertEquals("application/json", alert.properties().getContentType());
            assertEquals(2, alert.properties().getDeliveryMode(), "persistent");
            assertEquals(alert.body().getString("id"), alert.properties().getMessageId());
            assertEquals("alert.published", alert.body().getString("type"));

            publish(TestAlerts.alert(kyiv, TestAlerts.uniqueId(), TestAlerts.now(), "Update", kyiv + "," + identifier
                    + "," + sent, "Actual", "air raid", "Severe", "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours()))
                    .then().statusCode(201);
            publish("""
                    {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Cancel",
                     "scope": "Public", "references": "%s,%s,%s"}""".formatted(TestAlerts.uniqueId(), kyiv,
                    TestAlerts.now(), kyiv, identifier, sent)).then().statusCode(201);
            await().atMost(SOON).until(() -> got.stream().anyMatch(d -> kyiv.equals(d.body().getString("data.sender"))
                    && "alert.cancelled".equals(d.body().getString("type"))));
            assertEquals(List.of("alert.published", "alert.updated", "alert.cancelled"), got.stream()
                    .filter(d -> kyiv.equals(d.body().getString("data.sender"))).map(d -> d.body().getString("type"))
                    .toList(), "in order");
        }
    }

    @Test
    void anMqttClientThatSubscribesLateReadsTheRegionsStateRetained() throws Exception {
        // Zakarpattia: no other test alerts it, so its state can be seen to clear.
        String sender = TestAlerts.uniqueSender();
        String identifier = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String id = publish(TestAlerts.alert(sender, identifier, sent, "Alert", null, "Actual", "air raid", "Extreme",
                "Immediate", "Observed", "UA-21", TestAlerts.inTwoHours())).then().statusCode(201).extract().path("id");

        List<JsonPath> states = new CopyOnWriteArrayList<>();
        List<JsonPath> events = new CopyOnWriteArrayList<>();
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("airalert-test-" + identifier));
        client.publishHandler(m -> (m.topicName().endsWith("/state") ? states : events)
                .add(JsonPath.from(m.payload().toString(StandardCharsets.UTF_8))));
        client.connect(1883, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            await().atMost(SOON).until(() -> {
                // Subscribing again until the relay has published: the retained state comes with the subscription.
                client.subscribe(Map.of("alerts/UA/UA-21/state", 1, "alerts/UA/UA-21", 1));
                return states.stream().anyMatch(s -> s.getList("alerts.id").contains(id));
            });
            JsonPath state = states.stream().filter(s -> s.getList("alerts.id").contains(id)).findFirst().get();
            assertEquals("active", state.getString("state"));
            assertEquals("UA-21", state.getString("region"));

            publish("""
                    {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Cancel",
                     "scope": "Public", "references": "%s,%s,%s"}""".formatted(TestAlerts.uniqueId(), sender,
                    TestAlerts.now(), sender, identifier, sent)).then().statusCode(201);
            await().atMost(SOON).until(() -> events.stream().anyMatch(e -> "alert.cancelled".equals(e.getString("type"))
                    && sender.equals(e.getString("data.sender"))));
            await().atMost(SOON).until(() -> "clear".equals(states.get(states.size() - 1).getString("state")));
        } finally {
            client.disconnect();
        }
    }
}
