package dev.airalert.alert;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.TestAlerts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** History search: every filter, keyset pagination, strict parameters, the Atom feed. */
@QuarkusTest
class AlertHistoryTest {

    /** Publishes one alert sent {@code hoursAgo} and returns its id. */
    private static String alert(String sender, int hoursAgo, String msgType, String status,
            String event, String severity, String urgency, String certainty, String region) {
        return publish(TestAlerts.alert(sender, TestAlerts.uniqueId(),
                TestAlerts.time(OffsetDateTime.now().minusHours(hoursAgo)), msgType, null, status,
                event, severity, urgency, certainty, region,
                TestAlerts.time(OffsetDateTime.now().plusHours(5))))
                .then().statusCode(201).extract().path("id");
    }

    private static List<String> ids(Map<String, ?> params) {
        return given().queryParams(params).when().get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void everyFilterSelectsWhatItSays() {
        String s = TestAlerts.uniqueSender();
        String kyiv = alert(s, 1, "Alert", "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30");
        String lviv = alert(s, 2, "Alert", "Actual", "artillery shelling", "Moderate", "Expected", "Likely", "UA-46");
        String update = alert(s, 3, "Update", "Actual", "Air Raid", "Severe", "Immediate", "Likely", "UA-46");
        String drill = alert(s, 4, "Alert", "Exercise", "air raid", "Minor", "Future", "Possible", "UA-30");

        assertEquals(List.of(kyiv, lviv, update), ids(Map.of("sender", s)));
        assertEquals(List.of(kyiv), ids(Map.of("sender", s, "region", "UA-30")));
        assertEquals(List.of(kyiv, lviv, update), ids(Map.of("sender", s, "region", "ua-30,UA-46")));
        assertEquals(List.of(kyiv, update), ids(Map.of("sender", s, "event", "AIR RAID")));
        assertEquals(List.of(kyiv, update), ids(Map.of("sender", s, "severity", "Severe")));
        assertEquals(List.of(kyiv, lviv, update), ids(Map.of("sender", s, "severity", "Moderate")));
        assertEquals(List.of(kyiv, update), ids(Map.of("sender", s, "urgency", "Immediate")));
        assertEquals(List.of(lviv, update), ids(Map.of("sender", s, "certainty", "Likely")));
        assertEquals(List.of(drill), ids(Map.of("sender", s, "status", "Exercise")));
        assertEquals(List.of(kyiv, lviv, update, drill), ids(Map.of("sender", s, "status", "Actual,Exercise")));
        assertEquals(List.of(update), ids(Map.of("sender", s, "msgType", "Update")));
        assertEquals(List.of(kyiv, lviv, update), ids(Map.of("sender", s, "active", "true")));
        assertEquals(List.of(lviv, update), ids(Map.of("sender", s,
                "since", TestAlerts.time(OffsetDateTime.now().minusHours(3).minusMinutes(1)),
                "until", TestAlerts.time(OffsetDateTime.now().minusHours(1).minusMinutes(1)))));
        assertEquals(List.of(kyiv), ids(Map.of("sender", s, "event", "air raid", "region", "UA-30",
                "severity", "Extreme", "urgency", "Immediate", "certainty", "Observed")));
    }

    @Test
    void langKeepsTheReadersLanguageAndFallsBackToAll() {
        String sender = TestAlerts.uniqueSender();
        String twoLanguages = TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())
                .replace("\"info\": [{", "\"info\": [{\"language\": \"de-DE\", \"category\": [\"Security\"],"
                        + " \"event\": \"Luftalarm\", \"urgency\": \"Immediate\", \"severity\": \"Extreme\","
                        + " \"certainty\": \"Observed\", \"headline\": \"Luftalarm\"}, {");
        publish(twoLanguages).then().statusCode(201);
        given().queryParams("sender", sender, "lang", "de").get("/api/v1/alerts").then()
                .body("items[0].info", hasSize(1)).body("items[0].info[0].headline", equalTo("Luftalarm"));
        given().queryParams("sender", sender, "lang", "en-US").get("/api/v1/alerts").then()
                .body("items[0].info", hasSize(1)).body("items[0].info[0].language", equalTo("en-US"));
        given().queryParams("sender", sender, "lang", "uk").get("/api/v1/alerts").then()
                .body("items[0].info", hasSize(2));
    }

    @Test
    void pagesWalkHistoryNewestFirstAndStayStableUnderInserts() {
        String s = TestAlerts.uniqueSender();
        List<String> published = new ArrayList<>();
        for (int hoursAgo = 7; hoursAgo >= 1; hoursAgo--) {
            published.add(0, alert(s, hoursAgo, "Alert", "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30"));
        }
        List<String> seen = new ArrayList<>();
        JsonPath page = given().queryParams("sender", s, "limit", 3).get("/api/v1/alerts").then()
                .statusCode(200).body("items", hasSize(3)).extract().jsonPath();
        seen.addAll(page.getList("items.id"));
        // A newer alert arriving between pages must not shift or repeat what follows.
        alert(s, 0, "Alert", "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30");
        while (page.getString("next") != null) {
            page = given().queryParams("sender", s, "limit", 3, "cursor", page.getString("next"))
                    .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
        }
        assertEquals(published, seen);
    }

    @Test
    void lastPageHasNoNextCursor() {
        String s = TestAlerts.uniqueSender();
        alert(s, 1, "Alert", "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30");
        given().queryParams("sender", s).get("/api/v1/alerts").then()
                .body("items", hasSize(1)).body("next", nullValue());
    }

    @Test
    void unknownParametersAndBadValuesAreRefusedByName() {
        given().queryParam("severty", "Extreme").get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("severty"));
        given().queryParams(Map.of("severity", "Huge", "limit", "501", "active", "yes",
                        "since", "yesterday", "region", "Narnia", "urgency", "Now", "cursor", "!!"))
                .get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", hasItems("severity", "limit", "active", "since", "region", "urgency"));
        given().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", contains("cursor"));
        given().queryParam("limit", "0").get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", contains("limit"));
    }

    @Test
    void atomFeedLinksEachEntryToItsCapXml() {
        String s = TestAlerts.uniqueSender();
        String id = alert(s, 1, "Alert", "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30");
        String feed = given().queryParam("sender", s).get("/api/v1/alerts.atom").then().statusCode(200)
                .contentType(containsString("application/atom+xml"))
                .body("feed.entry.id", equalTo("urn:uuid:" + id))
                .body("feed.entry.link.@type", equalTo("application/cap+xml"))
                .extract().xmlPath().getString("feed.entry.link.@href");
        given().get(feed).then().statusCode(200).contentType(containsString("application/cap+xml"))
                .body("alert.sender", equalTo(s));
        given().queryParam("sender", s).get("/api/v1/alerts.atom").then()
                .body("feed.entry.category.@term", equalTo("active"));
        assertEquals(List.of(id), ids(Map.of("sender", s)));
        given().queryParam("sender", s).get("/api/v1/alerts").then()
                .body("items.regions.flatten()", containsInAnyOrder("UA-30"));
    }
}
