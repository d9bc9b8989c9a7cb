package dev.airalert.filter;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.airalert.TestAlerts;
import dev.airalert.stream.SseClient;
import dev.airalert.subscription.TestSubscriptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filters history, the stream and subscriptions share mean the same on each of them. */
@QuarkusTest
class FilterParametersTest {

    private static final String UNKNOWN_REGION = "'Atlantis' is not a known region name";

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    private static String alert(String sender, String severity, String event) {
        return publish(TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Alert", null, "Actual",
                event, severity, "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours()))
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void historyTakesSeverityAndMinSeverityInAnyCase() {
        String s = TestAlerts.uniqueSender();
        alert(s, "Moderate", "air raid");
        String severe = alert(s, "Severe", "air raid");
        for (Map<String, String> floor : new Map[] {Map.of("severity", "Severe"), Map.of("severity", "severe"),
                Map.of("minSeverity", "severe"), Map.of("minSeverity", "Severe")}) {
            given().queryParam("sender", s).queryParams(floor).get("/api/v1/alerts").then().statusCode(200)
                    .body("items.id", contains(severe));
        }
        given().queryParam("sender", s).queryParam("severity", "Severe").queryParam("minSeverity", "Severe")
                .get("/api/v1/alerts").then().statusCode(400).body("errors.field", contains("minSeverity"));
    }

    @Test
    void historyTakesSeveralEvents() {
        String s = TestAlerts.uniqueSender();
        String raid = alert(s, "Extreme", "air raid");
        String shelling = alert(s, "Extreme", "Shelling");
        alert(s, "Extreme", "Flood");
        given().queryParam("sender", s).queryParam("event", "Air Raid", "shelling").get("/api/v1/alerts").then()
                .statusCode(200).body("items.id", containsInAnyOrder(raid, shelling));
    }

    @Test
    void theStreamTakesMinSeverityInAnyCase() {
        streamKeepsOnlySevere("?region=Kyiv&minSeverity=severe");
    }

    @Test
    void theStreamTakesSeverityAsHistoryDoes() {
        streamKeepsOnlySevere("?region=UA-30,Lviv&severity=Severe");
    }

    private void streamKeepsOnlySevere(String query) {
        try (SseClient reader = new SseClient(stream + query, null, null)) {
            String moderate = TestAlerts.uniqueSender();
            alert(moderate, "Moderate", "air raid");
            String severe = TestAlerts.uniqueSender();
            alert(severe, "Severe", "air raid");
            reader.awaitSender(severe);
            assertFalse(reader.hasSender(moderate), "the Moderate alert came first and was filtered out");
        }
    }

    @Test
    void anUnknownRegionIsNamedByHistoryTheStreamAndSubscriptions() {
        given().queryParam("region", "Kyiv,Atlantis").get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("region")).body("errors[0].message", containsString(UNKNOWN_REGION));
        given().accept("text/event-stream").queryParam("region", "Atlantis").get("/api/v1/alerts/stream").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("region")).body("errors[0].message", containsString(UNKNOWN_REGION));
        given().auth().oauth2(TestSubscriptions.subscriberKey()).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:9/hook\", \"regions\": [\"Kyiv\", \"Atlantis\"]}")
                .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("regions[1]"))
                .body("errors[0].message", containsString(UNKNOWN_REGION));
    }

    @Test
    void unknownParametersAreStillRefused() {
        given().queryParam("minSeverty", "Severe").get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", contains("minSeverty"));
        given().accept("text/event-stream").queryParam("severty", "Severe").get("/api/v1/alerts/stream").then()
                .statusCode(400).body("errors.field", contains("severty"));
        given().accept("text/event-stream").queryParam("limit", "5").get("/api/v1/alerts/stream").then()
                .statusCode(400).body("errors.field", contains("limit"));
    }

    @Test
    void aSubscriptionTakesItsSeverityInAnyCaseAsWell() {
        assertEquals("Severe", TestSubscriptions.create(TestSubscriptions.subscriberKey(), "http://127.0.0.1:9/hook",
                "\"regions\": [\"Kyiv\"], \"minSeverity\": \"severe\"").getString("minSeverity"));
        given().auth().oauth2(TestSubscriptions.subscriberKey()).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:9/hook\", \"regions\": [\"Kyiv\"], \"minSeverity\": \"Huge\"}")
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors.field", hasItem("minSeverity"));
    }
}
