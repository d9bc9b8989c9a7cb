package dev.airalert.messaging;

import static dev.airalert.TestAlerts.publish;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
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
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The place scheme through the real RabbitMQ and Mosquitto: one binding for a hromada brings
 * its oblast's, its raion's and its own alerts and not its neighbour's, the old oblast binding
 * still brings a hromada's alert, and each place's state is retained on MQTT.
 */
@QuarkusTest
class PlacePublishingTest {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final String LVIV_RAION = "UA46060000000042587";
    private static final String LVIV_CITY = "UA46060250000025047";
    /** Davydivska hromada, Lviv city's neighbour in Lviv raion. */
    private static final String NEIGHBOUR = "UA46060090000017373";
    /** Dnistrovskyi raion of Chernivtsi oblast and its hromada Kelmenetska: no other test alerts them. */
    private static final String QUIET_RAION = "UA73040000000031528";
    private static final String QUIET_HROMADA = "UA73040030000042378";

    @Inject
    Vertx vertx;

    @Test
    void oneBindingForAHromadaBringsItsOblastsRaionsAndOwnAlertsNotItsNeighboursAndOldBindingsStillWork()
            throws Exception {
        try (Connection connection = TestRabbit.factory().newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(RabbitPublisher.EXCHANGE, BuiltinExchangeType.TOPIC, true, false,
                    Map.of("alternate-exchange", RabbitPublisher.UNROUTED));
            channel.exchangeDeclare(RabbitPublisher.PLACES, BuiltinExchangeType.TOPIC, true);
            List<Delivered> hromada = RabbitQueues.consume(channel, RabbitPublisher.PLACES,
                    "place.UA.UA-46." + LVIV_RAION + "." + LVIV_CITY + ".*");
            List<Delivered> oblast = RabbitQueues.consume(channel, RabbitPublisher.EXCHANGE, "alert.UA.UA-46.#");
            List<Delivered> nextDoor = RabbitQueues.consume(channel, RabbitPublisher.PLACES,
                    "place.UA.UA-46." + LVIV_RAION + "." + NEIGHBOUR + ".*");

            String sender = TestAlerts.uniqueSender();
            String neighbour = identifierOf(publish(katottg(sender, NEIGHBOUR)));
            String ofOblast = identifierOf(publish(TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(),
                    "Alert", null, "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-46",
                    TestAlerts.inTwoHours())));
            String ofRaion = identifierOf(publish(katottg(sender, LVIV_RAION)));
            String own = identifierOf(publish(katottg(sender, LVIV_CITY)));
            // A settlement's code: part of Lviv city hromada, on its key alone.
            String ofPart = identifierOf(publish(katottg(sender, "UA46060250010000001")));

            Predicate<Delivered> ours = d -> sender.equals(d.body().getString("data.sender"));
            await().atMost(SOON).until(() -> hromada.stream().filter(ours).count() >= 4
                    && oblast.stream().filter(ours).count() >= 5 && nextDoor.stream().anyMatch(ours));
            // The neighbour's alert reached its own binding, relayed before the others: not this one.
            assertEquals(sorted(ofOblast, ofRaion, own, ofPart), identifiers(hromada, ours), "once each");
            assertEquals(sorted(neighbour, ofOblast, ofRaion), identifiers(nextDoor, ours));
            Delivered first = hromada.stream().filter(ours).findFirst().orElseThrow();
            assertEquals("place.UA.UA-46." + LVIV_RAION + "." + LVIV_CITY + ".air_raid", first.routingKey());
            assertEquals(first.body().getString("id"), first.properties().getMessageId());
            assertEquals("alert.published", first.properties().getType());
            assertEquals("application/json", first.properties().getContentType());
            assertEquals(2, first.properties().getDeliveryMode(), "persistent");

            assertEquals(sorted(neighbour, ofOblast, ofRaion, own, ofPart), identifiers(oblast, ours));
            assertTrue(oblast.stream().filter(ours).allMatch(d -> "alert.UA.UA-46.air_raid".equals(d.routingKey())),
                    "a raion's or hromada's alert goes under its oblast in the old scheme");
        }
    }

    @Test
    void aPlaceKeyEndsWithTheThreatTypeAndAnOblastKeyWithTheEventWord() throws Exception {
        try (Connection connection = TestRabbit.factory().newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(RabbitPublisher.EXCHANGE, BuiltinExchangeType.TOPIC, true, false,
                    Map.of("alternate-exchange", RabbitPublisher.UNROUTED));
            channel.exchangeDeclare(RabbitPublisher.PLACES, BuiltinExchangeType.TOPIC, true);
            List<Delivered> drones = RabbitQueues.consume(channel, RabbitPublisher.PLACES, "place.UA.UA-56.*.*.drones");
            List<Delivered> oblast = RabbitQueues.consume(channel, RabbitPublisher.EXCHANGE, "alert.UA.UA-56.#");

            String sender = TestAlerts.uniqueSender();
            publish(TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Alert", null, "Actual",
                    "Shahed drone attack", "Severe", "Immediate", "Observed", "UA-56", TestAlerts.inTwoHours()))
                    .then().statusCode(201);

            Predicate<Delivered> ours = d -> sender.equals(d.body().getString("data.sender"));
            await().atMost(SOON).until(() -> drones.stream().anyMatch(ours) && oblast.stream().anyMatch(ours));
            assertTrue(drones.stream().filter(ours).allMatch(d -> d.routingKey().endsWith(".drones")
                    && "drones".equals(d.body().getString("data.threat.type"))));
            assertEquals("alert.UA.UA-56.shahed_drone_attack",
                    oblast.stream().filter(ours).findFirst().orElseThrow().routingKey());
        }
    }

    @Test
    void eachPlacesStateIsRetainedActiveWhenCoveredFromAbovePartialWhenSomethingInsideIs() throws Exception {
        String lvivCity = "places/UA/UA-46/" + LVIV_RAION + "/" + LVIV_CITY;
        String quietRaion = "places/UA/UA-77/" + QUIET_RAION + "/_/state";
        String quietHromada = "places/UA/UA-77/" + QUIET_RAION + "/" + QUIET_HROMADA;
        List<Heard> heard = new CopyOnWriteArrayList<>();
        MqttClient client = MqttClient.create(vertx, new MqttClientOptions()
                .setClientId("airalert-test-" + TestAlerts.uniqueId()));
        client.publishHandler(m -> heard.add(new Heard(m.topicName(), m.isRetain(),
                JsonPath.from(m.payload().toString(StandardCharsets.UTF_8)))));
        client.connect(1883, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            client.subscribe(Map.of(lvivCity + "/#", 1, quietRaion, 1, quietHromada + "/#", 1))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String sender = TestAlerts.uniqueSender();
            publish(TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Alert", null, "Actual",
                    "air raid", "Extreme", "Immediate", "Observed", "UA-46", TestAlerts.inTwoHours())).then().statusCode(201);
            JsonPath first = publish(katottg(sender, QUIET_HROMADA)).then().statusCode(201).extract().jsonPath();
            JsonPath second = publish(katottg(sender, QUIET_HROMADA)).then().statusCode(201).extract().jsonPath();

            // The oblast's alert on the city's own topic, and the city's state: active, inherited.
            await().atMost(SOON).until(() -> heard.stream().anyMatch(h -> h.topic().equals(lvivCity)
                    && sender.equals(h.body().getString("data.sender"))));
            await().atMost(SOON).until(() -> "active".equals(last(heard, lvivCity + "/state")));
            // A hromada's alerts: the hromada active, its raion partial.
            await().atMost(SOON).until(() -> heard.stream().filter(h -> h.topic().equals(quietHromada)).count() >= 2
                    && "active".equals(last(heard, quietHromada + "/state")) && "partial".equals(last(heard, quietRaion)));
            assertEquals("raion", heard.stream().filter(h -> h.topic().equals(quietRaion)).reduce((a, b) -> b)
                    .orElseThrow().body().getString("level"));

            publish("""
                    {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Cancel",
                     "scope": "Public", "references": "%s,%s,%s %s,%s,%s"}""".formatted(TestAlerts.uniqueId(), sender,
                    TestAlerts.now(), sender, first.getString("identifier"), first.getString("sent"), sender,
                    second.getString("identifier"), second.getString("sent"))).then().statusCode(201);
            await().atMost(SOON).until(() -> "clear".equals(last(heard, quietHromada + "/state"))
                    && "clear".equals(last(heard, quietRaion)));
            // The second alert changed no state. It is not sent again once the broker has echoed the
            // first; an echo still on its way can let one repeat through (harmless, see docs/brokers.md).
            // What the broker held before (retained, from an earlier run on this broker) counts too: a
            // state it already held is not sent again either.
            assertEquals(List.of("active", "clear"), endOf(changes(heard, quietHromada + "/state")));
            assertEquals(List.of("partial", "clear"), endOf(changes(heard, quietRaion)));
        } finally {
            client.disconnect();
        }
    }

    record Heard(String topic, boolean retained, JsonPath body) {
    }

    private static String last(List<Heard> heard, String topic) {
        return heard.stream().filter(h -> h.topic().equals(topic)).reduce((a, b) -> b)
                .map(h -> h.body().getString("state")).orElse(null);
    }

    private static List<String> identifiers(List<Delivered> delivered, Predicate<Delivered> ours) {
        return delivered.stream().filter(ours).map(d -> d.body().getString("data.identifier")).sorted().toList();
    }

    private static List<String> sorted(String... identifiers) {
        return Stream.of(identifiers).sorted().toList();
    }

    /** The states sent on the topic while subscribed (not the retained one the subscription began with). */
    /** The states heard on the topic, retained first, a repeat of the one before left out. */
    private static List<String> changes(List<Heard> heard, String topic) {
        List<String> changes = new java.util.ArrayList<>();
        heard.stream().filter(h -> h.topic().equals(topic)).map(h -> h.body().getString("state")).forEach(state -> {
            if (changes.isEmpty() || !changes.get(changes.size() - 1).equals(state)) {
                changes.add(state);
            }
        });
        return changes;
    }

    /** The last two. */
    private static List<String> endOf(List<String> changes) {
        return changes.subList(Math.max(0, changes.size() - 2), changes.size());
    }

    /** An air raid alert, active for two hours, on the region with this KATOTTG code. */
    private static String katottg(String sender, String code) {
        return TestAlerts.withArea(sender, "\"areaDesc\": \"" + code + "\", \"geocode\": [{\"valueName\": \"KATOTTG\","
                + " \"value\": \"" + code + "\"}]", TestAlerts.inTwoHours());
    }

    private static String identifierOf(io.restassured.response.Response published) {
        return published.then().statusCode(201).extract().path("identifier");
    }
}
