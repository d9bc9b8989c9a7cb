package dev.airalert.compat;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The alerts.in.ua and ukrainealarm compatible APIs as their clients read them: every body's
 * shape and types, the headers, the tokens and the errors, for a Kyiv alert published as CAP
 * XML (missiles, red), a hromada's alert (Zaporizhzhia city: its oblast in part) and its
 * all-clear. Zaporizhzhia oblast is alerted by no other test, so its characters are this test's.
 */
@QuarkusTest
class CompatApiTest {

    static final String ZAPORIZHZHIA_CITY = "UA23060070000082704";
    static final String ZAPORIZHZHIA_CITY_UID = "564";
    static final String ZAPORIZHZHIA_OBLAST_UID = "12";
    /** A hromada of the same oblast that only the pollers' test alerts. */
    static final String ANDRIIVKA = "UA23020010000034566";
    static final String ANDRIIVKA_UID = "553";
    /** Zaporizka oblast's place in the IoT string, Kyiv city's. */
    static final int ZAPORIZHZHIA_INDEX = 7;
    static final int KYIV_INDEX = 9;
    static final String TIME_MS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    static final String TIME_US = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z";

    static String reader() {
        return TestKeys.withRole("reader");
    }

    static String kyivMissilesXml(String sender, String identifier) {
        return """
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier><sender>%s</sender><sent>%s</sent>
                  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
                  <info>
                    <language>uk-UA</language><category>Security</category><event>Повітряна тривога</event>
                    <urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
                    <eventCode><valueName>airalert:threat</valueName><value>missiles</value></eventCode>
                    <expires>%s</expires>
                    <headline>Ракетна небезпека</headline>
                    <parameter><valueName>airalert:threat-level</valueName><value>red</value></parameter>
                    <parameter><valueName>airalert:threat-reason</valueName><value>Загроза ракетного удару</value></parameter>
                    <area><areaDesc>м. Київ</areaDesc><geocode><valueName>ISO3166-2</valueName><value>UA-30</value></geocode></area>
                  </info>
                </alert>""".formatted(identifier, sender, TestAlerts.now(), TestAlerts.inTwoHours());
    }

    static String hromada(String sender, String identifier, String msgType, String references) {
        return hromada(sender, identifier, msgType, references, ZAPORIZHZHIA_CITY);
    }

    static String hromada(String sender, String identifier, String msgType, String references, String katottg) {
        return """
                {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "%s",
                 "scope": "Public"%s,
                 "info": [{"language": "uk-UA", "category": ["Security"], "event": "Загроза ударних БпЛА",
                   "urgency": "Immediate", "severity": "Severe", "certainty": "Observed", "expires": "%s",
                   "area": [{"areaDesc": "Запорізька громада",
                     "geocode": [{"valueName": "KATOTTG", "value": "%s"}]}]}]}
                """.formatted(identifier, sender, TestAlerts.now(), msgType,
                references == null ? "" : ", \"references\": \"" + references + "\"", TestAlerts.inTwoHours(),
                katottg);
    }

    static Response v1(String path) {
        return given().queryParam("token", reader()).get(path);
    }

    static Response v3(String path) {
        return given().header("Authorization", reader()).get(path);
    }

    @Test
    void alertsInUaShowsAlertsIoTStringsAndHistoryAsItsClientsReadThem() {
        String sender = TestAlerts.uniqueSender();
        String kyiv = TestAlerts.uniqueId();
        given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml; charset=UTF-8")
                .body(kyivMissilesXml(sender, kyiv)).post("/api/v1/alerts").then().statusCode(201)
                .body("threat.type", equalTo("missiles")).body("threat.level", equalTo("red"));
        String hromadaId = TestAlerts.uniqueId();
        String sent = publish(hromada(sender, hromadaId, "Alert", null)).then().statusCode(201)
                .body("threat.type", equalTo("drones")).body("threat.level", equalTo("yellow"))
                .extract().path("sent");

        Response active = v1("/v1/alerts/active.json");
        active.then().statusCode(200).contentType("application/json")
                .header("Last-Modified", notNullValue()).header("ETag", notNullValue())
                .body("meta.last_updated_at", matchesPattern("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000"))
                .body("disclaimer", instanceOf(String.class))
                .body("alerts.location_uid", everyItem(instanceOf(String.class)))
                .body("alerts.location_oblast_uid", everyItem(instanceOf(String.class)))
                .body("alerts.started_at", everyItem(matchesPattern(TIME_MS)))
                .body("alerts.updated_at", everyItem(matchesPattern(TIME_MS)))
                .body("alerts.finished_at", everyItem(nullValue()))
                .body("alerts.calculated", everyItem(instanceOf(Boolean.class)))
                .body("alerts.findAll { it.location_uid == '31' }.location_type", hasItem("city"))
                .body("alerts.findAll { it.location_uid == '31' }.location_title", hasItem("м. Київ"))
                .body("alerts.findAll { it.location_uid == '31' }.alert_type", everyItem(equalTo("air_raid")))
                .body("alerts.findAll { it.location_uid == '31' }.notes", hasItem("Загроза ракетного удару"));
        Map<String, Object> hromadaEntry = active.jsonPath().getMap("alerts.find { it.location_uid == '564' }");
        assertEquals("hromada", hromadaEntry.get("location_type"));
        assertEquals("Запорізька область", hromadaEntry.get("location_oblast"));
        assertEquals("12", hromadaEntry.get("location_oblast_uid"));
        assertEquals("Запорізький район", hromadaEntry.get("location_raion"));
        assertEquals("air_raid", hromadaEntry.get("alert_type"));
        assertTrue(hromadaEntry.get("id") instanceof Number, "id is a number: " + hromadaEntry.get("id"));
        assertEquals(OffsetDateTime.parse(sent).toInstant(),
                OffsetDateTime.parse((String) hromadaEntry.get("started_at")).toInstant());

        String byOblast = v1("/v1/iot/active_air_raid_alerts_by_oblast.json").then().statusCode(200)
                .header("Last-Modified", notNullValue()).extract().asString();
        assertTrue(byOblast.matches("\"[APN]{27}\""), byOblast);
        assertEquals('A', byOblast.charAt(1 + KYIV_INDEX), byOblast);
        assertEquals('P', byOblast.charAt(1 + ZAPORIZHZHIA_INDEX), byOblast);
        v1("/v1/iot/active_air_raid_alerts/" + ZAPORIZHZHIA_CITY_UID + ".json").then().statusCode(200)
                .body(equalTo("\"A\""));
        v1("/v1/iot/active_air_raid_alerts/" + ZAPORIZHZHIA_OBLAST_UID + ".json").then().body(equalTo("\"P\""));
        String all = v1("/v1/iot/active_air_raid_alerts.json").then().statusCode(200).extract().asString();
        assertEquals('A', all.charAt(1 + 564), "a character per location id, at its index");
        assertEquals('P', all.charAt(1 + 12));
        assertEquals(' ', all.charAt(1 + 0), "no location has id 0");

        // The all-clear ends the hromada's alert: gone from active, finished in its history, N again.
        publish(hromada(sender, TestAlerts.uniqueId(), "Cancel", sender + "," + hromadaId + "," + sent))
                .then().statusCode(201);
        v1("/v1/alerts/active.json").then().body("alerts.location_uid", not(hasItem("564")));
        v1("/v1/iot/active_air_raid_alerts/" + ZAPORIZHZHIA_CITY_UID + ".json").then().body(equalTo("\"N\""));
        v1("/v1/regions/" + ZAPORIZHZHIA_CITY_UID + "/alerts/week_ago.json").then().statusCode(200)
                .body("alerts.find { it.location_uid == '564' }.finished_at", matchesPattern(TIME_MS))
                .body("alerts.find { it.location_uid == '564' }.id", equalTo(hromadaEntry.get("id")));
        v1("/v1/regions/" + ZAPORIZHZHIA_OBLAST_UID + "/alerts/month_ago.json").then().statusCode(200)
                .body("alerts.location_uid", hasItem("564"));
    }

    @Test
    void pollersGet304UntilTheContentChangesAndNeverForAChangeInTheSecondTheyPolled() {
        String path = "/v1/iot/active_air_raid_alerts/" + ANDRIIVKA_UID + ".json";
        Response first = v1(path);
        String etag = first.header("ETag");
        // Once the content's second is over, its Last-Modified is exact and revalidates.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String lastModified = v1(path).header("Last-Modified");
            return given().queryParam("token", reader()).header("If-Modified-Since", lastModified).get(path)
                    .statusCode() == 304;
        });
        given().queryParam("token", reader()).header("If-None-Match", etag).get(path).then().statusCode(304)
                .header("ETag", equalTo(etag)).header("Last-Modified", notNullValue());

        // A change: the same validators no longer match, however soon it came.
        String lastModified = v1(path).header("Last-Modified");
        String sender = TestAlerts.uniqueSender();
        String id = TestAlerts.uniqueId();
        String sent = publish(hromada(sender, id, "Alert", null, ANDRIIVKA)).then().statusCode(201)
                .extract().path("sent");
        given().queryParam("token", reader()).header("If-Modified-Since", lastModified).get(path).then()
                .statusCode(200).body(equalTo("\"A\""));
        given().queryParam("token", reader()).header("If-None-Match", etag).get(path).then().statusCode(200);
        // And the Last-Modified given out in the change's own second never revalidates a later change.
        String inTheSameSecond = v1(path).header("Last-Modified");
        publish(hromada(sender, TestAlerts.uniqueId(), "Cancel", sender + "," + id + "," + sent, ANDRIIVKA))
                .then().statusCode(201);
        given().queryParam("token", reader()).header("If-Modified-Since", inTheSameSecond).get(path).then()
                .statusCode(200).body(equalTo("\"N\""));
    }

    @Test
    void ukrainealarmShowsRegionsAlertsStatusHistoryAndTheTree() {
        String sender = TestAlerts.uniqueSender();
        given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml; charset=UTF-8")
                .body(kyivMissilesXml(sender, TestAlerts.uniqueId())).post("/api/v1/alerts").then().statusCode(201);
        String hromadaId = TestAlerts.uniqueId();
        String sent = publish(hromada(sender, hromadaId, "Alert", null)).then().statusCode(201).extract().path("sent");

        v3("/api/v3/alerts").then().statusCode(200).header("ETag", notNullValue())
                .body("regionId", everyItem(instanceOf(String.class)))
                .body("regionType", everyItem(matchesPattern("State|District|Community")))
                .body("find { it.regionId == '31' }.regionType", equalTo("State"))
                .body("find { it.regionId == '31' }.regionEngName", equalTo("Kyiv"))
                .body("find { it.regionId == '31' }.lastUpdate", matchesPattern(TIME_US))
                .body("find { it.regionId == '31' }.activeAlerts.type", hasItem("AIR"))
                .body("find { it.regionId == '31' }.activeAlerts.activeAlertLevels.flatten().alertLevel", hasItem("Red"))
                .body("find { it.regionId == '31' }.activeAlerts.activeAlertLevels.flatten().reason",
                        hasItem("Загроза ракетного удару"))
                .body("find { it.regionId == '564' }.regionType", equalTo("Community"))
                .body("find { it.regionId == '564' }.activeAlerts.activeAlertLevels.flatten().alertLevel",
                        hasItem("Yellow"));
        // One region: its own alerts and those of the places it lies in; none: an empty list.
        v3("/api/v3/alerts/564").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].regionId", equalTo("564")).body("[0].activeAlerts.type", hasItem("AIR"));
        v3("/api/v3/alerts/17").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].activeAlerts.size()", equalTo(0));
        Object index = v3("/api/v3/alerts/status").then().statusCode(200).extract().path("lastActionIndex");
        assertTrue(index instanceof Long, "lastActionIndex is a number: " + index);
        v3("/api/v3/alerts/regionHistory?regionId=564").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].alarms.alertType", hasItem("AIR"))
                .body("[0].alarms.startDate", everyItem(matchesPattern(TIME_US)))
                .body("[0].alarms.isContinue", hasItem(true));
        v3("/api/v3/regions").then().statusCode(200)
                .body("states.size()", equalTo(27))
                .body("states.regionId", hasItem("9999"))
                .body("states.find { it.regionId == '12' }.regionChildIds.regionType", everyItem(equalTo("District")))
                .body("states.find { it.regionId == '12' }.regionChildIds.regionChildIds.flatten().regionId",
                        hasItem("564"));
        publish(hromada(sender, TestAlerts.uniqueId(), "Cancel", sender + "," + hromadaId + "," + sent))
                .then().statusCode(201);
    }

    @Test
    void tokensAreReaderKeysAndErrorsAreInTheirShapes() {
        given().get("/v1/alerts/active.json").then().statusCode(401).contentType("application/json")
                .body("message", notNullValue()).body("$", not(hasKey("type")));
        given().queryParam("token", "aa_not_a_key").get("/v1/alerts/active.json").then().statusCode(401)
                .body("message", notNullValue());
        given().header("Authorization", "Bearer " + reader()).get("/v1/alerts/active.json").then().statusCode(200);
        given().header("Authorization", TestKeys.publisher()).get("/api/v3/alerts").then().statusCode(403)
                .body("message", notNullValue());
        v1("/v1/iot/active_air_raid_alerts/99999.json").then().statusCode(404).body("message", notNullValue());
        v1("/v1/regions/564/alerts/year_ago.json").then().statusCode(400).body("message", notNullValue());
        v1("/v1/no/such/path").then().statusCode(404).body("message", equalTo("Not found"));
        given().queryParam("token", reader()).post("/v1/alerts/active.json").then().statusCode(405)
                .contentType("application/json").body("message", notNullValue());
        v3("/api/v3/alerts/123456789").then().statusCode(404).body("message", notNullValue());
        v3("/api/v3/alerts/regionHistory").then().statusCode(400).body("message", notNullValue());
    }

    @Test
    void aReaderKeyReadsTheseAPIsAndDoesNothingElse() {
        given().auth().oauth2(TestKeys.withRole("reader")).get("/api/v1/alerts").then().statusCode(401);
        given().auth().oauth2(TestKeys.ADMIN).contentType("application/json")
                .body(Map.of("name", "reader admin", "holder", "x", "roles", List.of("reader", "admin")))
                .post("/api/v1/api-keys").then().statusCode(400).body("errors.field", hasItem("roles"));
        given().auth().oauth2(TestKeys.ADMIN).contentType("application/json")
                .body(Map.of("name", "reader addressed", "holder", "x", "roles", List.of("reader"),
                        "addresses", List.of("embassy-staff")))
                .post("/api/v1/api-keys").then().statusCode(400).body("errors.field", hasItem("addresses"));
    }

    @Test
    void aKeyPastItsHistoryRateIsAnswered429() {
        String key = TestKeys.create("compat history " + TestAlerts.uniqueId(), List.of("reader"));
        int status = 200;
        for (int i = 0; i < 100 && status == 200; i++) {
            status = given().header("Authorization", key).get("/api/v3/alerts/regionHistory?regionId=17").statusCode();
        }
        assertEquals(429, status);
        // Its other answers are not held back by its histories.
        given().header("Authorization", key).get("/api/v3/alerts/status").then().statusCode(200);
    }

    @Test
    void aKeyPastItsRateIsAnswered429WithRetryAfter() {
        String key = TestKeys.create("compat rate " + TestAlerts.uniqueId(), List.of("reader"));
        Response answer = null;
        // However slowly a busy machine sends them, the bucket (300 a minute) runs dry within 1,000.
        for (int i = 0; i < 1000 && (answer == null || answer.statusCode() == 200); i++) {
            answer = given().header("Authorization", key).get("/api/v3/alerts/status");
        }
        answer.then().statusCode(429).header("Retry-After", matchesPattern("\\d+")).body("message", notNullValue());
        // Another key is not held back by this one's use.
        v3("/api/v3/alerts/status").then().statusCode(200);
    }

    @Test
    void onlyPublicActualAlertsAppear() {
        String sender = TestAlerts.uniqueSender();
        String exercise = TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Alert", null, "Exercise",
                "air raid", "Extreme", "Immediate", "Observed", "UA-48", TestAlerts.inTwoHours());
        publish(exercise).then().statusCode(201);
        v1("/v1/iot/active_air_raid_alerts/17.json").then().statusCode(200).body(equalTo("\"N\""));
        v3("/api/v3/alerts").then().body("regionId", not(hasItem("17")));
    }
}
