package dev.airalert.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import io.agroal.api.AgroalDataSource;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts taken in from the RabbitMQ queue and the MQTT topic, as the publisher key the test
 * profile configures; refused messages land in the dead letters with their problem.
 */
@QuarkusTest
class BrokerIngestTest {

    private static final String PUBLISHER = "0000a1e7-0000-4000-8000-0000000000f1";
    private static final Duration SOON = Duration.ofSeconds(15);

    @Inject
    AgroalDataSource db;

    @Inject
    Vertx vertx;

    @BeforeEach
    void publisherKeyExists() throws Exception {
        // The configured ingest key, bound to the senders tests use (an ingest key may not be "*").
        try (var c = db.getConnection(); var s = c.prepareStatement("INSERT INTO api_key (id, name, holder, roles,"
                + " prefix, secret_hash, created_at) VALUES (?::uuid, 'broker ingest', 'broker bridge', 'publisher',"
                + " 'aa_test', ?, now()) ON CONFLICT (id) DO NOTHING");
                var senders = c.prepareStatement("INSERT INTO api_key_sender (key_id, pattern) VALUES (?::uuid,"
                        + " 'test-*@airalert.test') ON CONFLICT DO NOTHING")) {
            s.setString(1, PUBLISHER);
            s.setString(2, "ingest-test-" + PUBLISHER);
            s.executeUpdate();
            senders.setString(1, PUBLISHER);
            senders.executeUpdate();
        }
    }

    @Test
    void aQueuedAlertIsStoredAndAnInvalidOneIsDeadLetteredWithItsProblem() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        String sender = TestAlerts.uniqueSender();
        String invalid = "{\"identifier\": \"" + TestAlerts.uniqueId() + "\", \"sender\": \"" + sender + "\"}";
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            AMQP.BasicProperties json = new AMQP.BasicProperties.Builder().contentType("application/json").build();
            channel.basicPublish("", "alerts.ingest", json,
                    TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()).getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("", "alerts.ingest", json, invalid.getBytes(StandardCharsets.UTF_8));

            await().atMost(SOON).untilAsserted(() -> given().queryParam("sender", sender).get("/api/v1/alerts")
                    .then().statusCode(200).body("items.sender", hasItem(sender)));
            List<GetResponse> dead = new CopyOnWriteArrayList<>();
            await().atMost(SOON).until(() -> {
                for (GetResponse r; (r = channel.basicGet(BrokerIngest.RABBITMQ_DEAD_LETTERS, true)) != null;) {
                    if (invalid.equals(new String(r.getBody(), StandardCharsets.UTF_8))) {
                        dead.add(r);
                    }
                }
                return !dead.isEmpty();
            });
            JsonPath problem = JsonPath.from(dead.get(0).getProps().getHeaders().get("x-problem").toString());
            assertEquals("/problems/invalid-alert", problem.getString("type"));
            assertEquals(400, problem.getInt("status"));
            given().queryParam("sender", sender).get("/api/v1/alerts").then().body("items", org.hamcrest.Matchers.hasSize(1));
        }
    }

    @Test
    void anAlertOnTheIngestTopicIsStoredAndAnInvalidOneIsDeadLettered() throws Exception {
        String sender = TestAlerts.uniqueSender();
        List<JsonPath> dead = new CopyOnWriteArrayList<>();
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions().setClientId("ingest-test-" + sender));
        client.publishHandler(m -> dead.add(JsonPath.from(m.payload().toString(StandardCharsets.UTF_8))));
        client.connect(1883, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            client.subscribe(BrokerIngest.MQTT_DEAD_LETTERS, 1).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            client.publish("alerts/ingest", Buffer.buffer(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())),
                    MqttQoS.AT_LEAST_ONCE, false, false);
            String invalid = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><sender>" + sender + "</sender>";
            client.publish("alerts/ingest", Buffer.buffer(invalid), MqttQoS.AT_LEAST_ONCE, false, false);

            await().atMost(SOON).untilAsserted(() -> given().queryParam("sender", sender).get("/api/v1/alerts")
                    .then().statusCode(200).body("items.sender", hasItem(sender)));
            await().atMost(SOON).until(() -> dead.stream().anyMatch(d -> invalid.equals(d.getString("message"))));
            JsonPath letter = dead.stream().filter(d -> invalid.equals(d.getString("message"))).findFirst().get();
            assertEquals(400, letter.getInt("problem.status"));
        } finally {
            client.disconnect();
        }
    }

    @Test
    void ingestPublishesOnlyAsTheSendersItsKeyIsBoundToAndNeverAsAnAnyKey() throws Exception {
        String outside = "outside-" + java.util.UUID.randomUUID() + "@elsewhere.test";
        String refused = TestAlerts.kyivAirRaid(outside, TestAlerts.uniqueId());
        try (Connection connection = TestRabbit.factory().newConnection(); Channel channel = connection.createChannel()) {
            AMQP.BasicProperties json = new AMQP.BasicProperties.Builder().contentType("application/json").build();
            channel.basicPublish("", "alerts.ingest", json, refused.getBytes(StandardCharsets.UTF_8));
            JsonPath problem = deadLetterFor(channel, refused);
            assertEquals(403, problem.getInt("status"));
            assertEquals("sender", problem.getString("errors[0].field"));
            given().queryParam("sender", outside).get("/api/v1/alerts").then().body("items", org.hamcrest.Matchers.hasSize(0));

            // A key that may speak for anyone ("*") may not be the ingest key: anyone reaching the broker could.
            given().auth().oauth2(TestKeys.ADMIN).contentType("application/json").body(java.util.Map.of("senders",
                    List.of("*"))).patch("/api/v1/api-keys/" + PUBLISHER).then().statusCode(200);
            try {
                String anyone = TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId());
                channel.basicPublish("", "alerts.ingest", json, anyone.getBytes(StandardCharsets.UTF_8));
                assertEquals("/problems/ingest-not-authorised", deadLetterFor(channel, anyone).getString("type"));
            } finally {
                given().auth().oauth2(TestKeys.ADMIN).contentType("application/json").body(java.util.Map.of("senders",
                        List.of("test-*@airalert.test"))).patch("/api/v1/api-keys/" + PUBLISHER).then().statusCode(200);
            }
        }
    }

    /** The problem the dead letter of this exact body carries. */
    private static JsonPath deadLetterFor(Channel channel, String body) {
        List<GetResponse> dead = new CopyOnWriteArrayList<>();
        await().atMost(SOON).until(() -> {
            for (GetResponse r; (r = channel.basicGet(BrokerIngest.RABBITMQ_DEAD_LETTERS, true)) != null;) {
                if (body.equals(new String(r.getBody(), StandardCharsets.UTF_8))) {
                    dead.add(r);
                }
            }
            return !dead.isEmpty();
        });
        return JsonPath.from(dead.get(0).getProps().getHeaders().get("x-problem").toString());
    }
}
