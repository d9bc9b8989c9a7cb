package dev.airalert.threat;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.delivery.WebhookReceiver;
import dev.airalert.stream.SseClient;
import dev.airalert.subscription.TestSubscriptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Threat types and levels through HTTP: as a publisher names them in CAP or as the event maps
 * to them, in the alert JSON, as history, stream and subscription filters.
 */
@QuarkusTest
class ThreatTypesTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    /** A CAP XML alert for Kyiv with these eventCodes and parameters (XML fragments, may be empty). */
    private static String xml(String sender, String event, String eventCodes, String parameters) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier><sender>%s</sender><sent>%s</sent>
                  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
                  <info><language>uk-UA</language><category>Security</category><event>%s</event>
                    <responseType>Shelter</responseType><urgency>Immediate</urgency><severity>Extreme</severity>
                    <certainty>Observed</certainty>%s<expires>%s</expires><headline>Тривога</headline>%s
                    <area><areaDesc>Kyiv</areaDesc><geocode><valueName>ISO3166-2</valueName><value>UA-30</value></geocode></area>
                  </info>
                </alert>""".formatted(TestAlerts.uniqueId(), sender, TestAlerts.now(), event, eventCodes,
                TestAlerts.inTwoHours(), parameters);
    }

    private static Response publishXml(String xml) {
        return given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml")
                .body(xml.getBytes(StandardCharsets.UTF_8)).post("/api/v1/alerts");
    }

    /** Publishes a JSON alert of this event in this region, from this sender, and returns its id. */
    private static String publishEvent(String sender, String event, String region) {
        return publishEvent(sender, event, region, 0);
    }

    /** The same, sent {@code minutesAgo}: history lists newest first, and CAP times are to the second. */
    private static String publishEvent(String sender, String event, String region, int minutesAgo) {
        return publish(TestAlerts.alert(sender, TestAlerts.uniqueId(),
                TestAlerts.time(OffsetDateTime.now().minusMinutes(minutesAgo)), "Alert", null, "Actual",
                event, "Extreme", "Immediate", "Observed", region, TestAlerts.inTwoHours()))
                .then().statusCode(201).extract().path("id");
    }

    private static List<String> ids(Map<String, ?> params) {
        return given().queryParams(params).get("/api/v1/alerts").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    @Test
    void theThreatAPublisherNamesInCapXmlIsShownWithTheAlert() {
        String sender = TestAlerts.uniqueSender();
        String id = publishXml(xml(sender, "Повітряна тривога",
                "<eventCode><valueName>airalert:threat</valueName><value>drones</value></eventCode>",
                "<parameter><valueName>airalert:threat-level</valueName><value>red</value></parameter>"
                        + "<parameter><valueName>airalert:threat-reason</valueName><value>Групи ударних БПЛА</value></parameter>"))
                .then().statusCode(201)
                .body("threat.type", equalTo("drones")).body("threat.level", equalTo("red"))
                .extract().path("id");
        given().get("/api/v1/alerts/" + id).then().statusCode(200)
                .body("threat.type", equalTo("drones"))
                .body("threat.level", equalTo("red"))
                .body("threat.reason", equalTo("Групи ударних БПЛА"))
                .body("info[0].eventCode[0].valueName", equalTo("airalert:threat"));
    }

    @Test
    void anAlertWithoutThreatFieldsGetsTheTypeItsEventMapsTo() {
        String sender = TestAlerts.uniqueSender();
        String ballistic = publishEvent(sender, "Загроза застосування балістичного озброєння", "UA-30");
        String airRaid = publishEvent(sender, "air raid", "UA-30");
        given().get("/api/v1/alerts/" + ballistic).then().statusCode(200)
                .body("threat.type", equalTo("ballistic")).body("threat.level", equalTo("red"))
                .body("threat", not(hasKey("reason")));
        given().get("/api/v1/alerts/" + airRaid).then().statusCode(200)
                .body("threat.type", equalTo("air_raid"))
                .body("threat", not(hasKey("level")));
        given().queryParam("sender", sender).get("/api/v1/alerts").then().statusCode(200)
                .body("items.threat.type", containsInAnyOrder("air_raid", "ballistic"));
    }

    @Test
    void historyFiltersByThreatTypeAndLevel() {
        String s = TestAlerts.uniqueSender();
        String drones = publishEvent(s, "Drone attack", "UA-30", 4);
        String missiles = publishEvent(s, "Ракетна небезпека", "UA-46", 3);
        String shelling = publishEvent(s, "Artillery shelling", "UA-63", 2);
        String air = publishEvent(s, "air raid", "UA-30", 1);

        assertEquals(List.of(drones), ids(Map.of("sender", s, "threat", "drones")));
        assertEquals(List.of(shelling, missiles, drones), ids(Map.of("sender", s, "threat",
                "DRONES,missiles,artillery_shelling")));
        assertEquals(List.of(missiles, drones),
                given().queryParam("sender", s).queryParam("threat", "drones").queryParam("threat", "missiles")
                        .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items.id"),
                "repeated like comma-separated");
        assertEquals(List.of(missiles), ids(Map.of("sender", s, "level", "red")));
        assertEquals(List.of(missiles, drones), ids(Map.of("sender", s, "level", "red,Yellow")));
        assertEquals(List.of(drones), ids(Map.of("sender", s, "threat", "drones,missiles", "level", "yellow")));
        assertEquals(List.of(drones), ids(Map.of("sender", s, "threat", "drones", "region", "UA-30")));
        assertEquals(List.of(air, shelling, missiles, drones), ids(Map.of("sender", s)));
    }

    @Test
    void anUnknownThreatOrLevelIsAProblemNamingTheParameter() {
        given().queryParam("threat", "drones,bogus").get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("threat"))
                .body("errors[0].message", containsString("'bogus'"));
        given().queryParam("level", "orange").get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("level"));
        given().accept("text/event-stream").queryParam("threat", "bogus").get("/api/v1/alerts/stream").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("threat"));
    }

    @Test
    void aBadThreatFieldRefusesThePublishNamingItAndStoresNothing() {
        String sender = TestAlerts.uniqueSender();
        publishXml(xml(sender, "Air raid",
                "<eventCode><valueName>airalert:threat</valueName><value>hail</value></eventCode>", ""))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-alert"))
                .body("errors.field", contains("info[0].eventCode[0].value"));
        String json = TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()).replace("\"responseType\"",
                "\"parameter\": [{\"valueName\": \"airalert:threat-level\", \"value\": \"orange\"},"
                        + " {\"valueName\": \"airalert:threat-reason\", \"value\": \"" + "x".repeat(501) + "\"}],"
                        + " \"responseType\"");
        publish(json).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("info[0].parameter[0].value", "info[0].parameter[1].value"));
        given().queryParam("sender", sender).get("/api/v1/alerts").then().statusCode(200).body("items", empty());
    }

    @Test
    void theStreamFiltersByThreat() {
        try (SseClient reader = new SseClient(stream + "?region=UA-30&threat=drones", null, null)) {
            String shelling = TestAlerts.uniqueSender();
            publishEvent(shelling, "Артилерійський обстріл", "UA-30");
            String drones = TestAlerts.uniqueSender();
            String id = publishEvent(drones, "Загроза застосування БПЛА", "UA-30");
            SseClient.Event event = reader.awaitSender(drones);
            assertEquals(id, event.data().getString("id"));
            assertEquals("drones", event.data().getString("threat.type"));
            assertEquals("yellow", event.data().getString("threat.level"));
            assertFalse(reader.hasSender(shelling), "the shelling came first and was filtered out");
        }
    }

    @Test
    void theStreamFiltersByLevel() {
        try (SseClient reader = new SseClient(stream + "?region=UA-30&level=red", null, null)) {
            String air = TestAlerts.uniqueSender();
            publishEvent(air, "air raid", "UA-30");
            String drones = TestAlerts.uniqueSender();
            publishEvent(drones, "Drone attack", "UA-30");
            String missiles = TestAlerts.uniqueSender();
            publishEvent(missiles, "Missile threat", "UA-30");
            reader.awaitSender(missiles);
            assertFalse(reader.hasSender(air), "an alert without a level is not red");
            assertFalse(reader.hasSender(drones), "drones are yellow");
        }
    }

    @Test
    void subscriptionsStoreAndValidateTheirThreatsAndLevels() {
        String key = TestSubscriptions.subscriberKey();
        JsonPath created = TestSubscriptions.create(key, "http://127.0.0.1:9/hook",
                "\"regions\": [\"UA-30\"], \"threats\": [\"Missiles\", \"BALLISTIC\"], \"levels\": [\"red\"]");
        assertEquals(List.of("missiles", "ballistic"), created.getList("threats"));
        assertEquals(List.of("red"), created.getList("levels"));
        String id = created.getString("id");
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"threats\": [\"drones\"]}")
                .patch("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("threats", contains("drones")).body("levels", contains("red"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"threats\": [], \"levels\": []}")
                .patch("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("threats", empty()).body("levels", empty());
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:9/hook\", \"regions\": [\"UA-30\"],"
                        + " \"threats\": [\"drones\", \"hail\"], \"levels\": [\"orange\"]}")
                .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("threats[1]", "levels[0]"));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"levels\": [\"amber\"]}")
                .patch("/api/v1/subscriptions/" + id).then().statusCode(400)
                .body("errors.field", contains("levels[0]"));
    }

    @Test
    void aSubscriptionListingAThreatTypeAsManyTimesAsAllowedIsStored() {
        String many = String.join(", ", Collections.nCopies(11, "\"tactical_aviation\""));
        given().auth().oauth2(TestSubscriptions.subscriberKey()).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:9/hook\", \"regions\": [\"UA-30\"], \"threats\": [" + many + "]}")
                .post("/api/v1/subscriptions").then().statusCode(201)
                .body("threats", hasItem("tactical_aviation"));
    }

    @Test
    void aSubscriptionGetsOnlyTheThreatsItAsksFor() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(),
                    "\"regions\": [\"UA-12\"], \"threats\": [\"missiles\"]");
            String drones = TestAlerts.uniqueSender();
            publishEvent(drones, "Drone attack", "UA-12");
            String missiles = TestAlerts.uniqueSender();
            String id = publishEvent(missiles, "Missile threat", "UA-12");
            await().atMost(SOON).until(() -> senders(receiver).contains(missiles));
            JsonPath delivered = receiver.received().stream().map(r -> JsonPath.from(r.body()))
                    .filter(b -> missiles.equals(b.getString("data.sender"))).findFirst().orElseThrow();
            assertEquals(id, delivered.getString("data.id"));
            assertEquals("missiles", delivered.getString("data.threat.type"));
            // The drones alert was published first; had it matched, it would be here by now.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> !senders(receiver).contains(drones));
        }
    }

    @Test
    void aSubscriptionForALevelGetsNeitherOtherLevelsNorAlertsWithoutOne() throws Exception {
        String key = TestSubscriptions.subscriberKey();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String id = TestSubscriptions.create(key, receiver.url(), "\"regions\": [\"UA-14\"], \"levels\": [\"red\"]")
                    .getString("id");
            try {
                String air = TestAlerts.uniqueSender();
                publishEvent(air, "air raid", "UA-14");
                String drones = TestAlerts.uniqueSender();
                publishEvent(drones, "Drone attack", "UA-14");
                String ballistic = TestAlerts.uniqueSender();
                publishEvent(ballistic, "Ballistic threat", "UA-14");
                await().atMost(SOON).until(() -> senders(receiver).contains(ballistic));
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                        .until(() -> !senders(receiver).contains(air) && !senders(receiver).contains(drones));
            } finally {
                // Should matching fail on the alert without a level, the subscription's removal lets the fan-out go on.
                given().auth().oauth2(key).delete("/api/v1/subscriptions/" + id).then().statusCode(204);
            }
        }
    }

    private static List<String> senders(WebhookReceiver receiver) {
        return receiver.received().stream().map(r -> JsonPath.from(r.body()).getString("data.sender")).toList();
    }
}
