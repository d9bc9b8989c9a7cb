package dev.airalert.alert;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Publishing JSON alerts: what a publisher sees, including every refusal. */
@QuarkusTest
class AlertPublishTest {

    @Test
    void publishedAlertIsCreatedWithStateRegionsAndLocation() {
        String sender = TestAlerts.uniqueSender();
        String identifier = TestAlerts.uniqueId();
        String location = given().auth().oauth2(TestKeys.publisher()).contentType(ContentType.JSON)
                .body(TestAlerts.kyivAirRaid(sender, identifier))
                .when().post("/api/v1/alerts")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", startsWith("http"))
                .body("id", notNullValue())
                .body("state", equalTo("active"))
                .body("regions", contains("UA-30"))
                .body("identifier", equalTo(identifier))
                .body("sender", equalTo(sender))
                .body("info[0].responseType", contains("Shelter"))
                .extract().header("Location");
        given().when().get(location)
                .then().statusCode(200)
                .body("identifier", equalTo(identifier))
                .body("info[0].area[0].geocode[0].value", equalTo("UA-30"));
    }

    /** The time the service made is the time it stored: the same in the 201 and in every later read. */
    @Test
    void receivedAtIsTheSameInTheAnswerAndInEveryRead() {
        String sender = TestAlerts.uniqueSender();
        String body = TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId());
        io.restassured.response.Response created = publish(body).then().statusCode(201).extract().response();
        String receivedAt = created.path("receivedAt");
        given().when().get(created.header("Location")).then().statusCode(200).body("receivedAt", equalTo(receivedAt));
        publish(body).then().statusCode(200).body("receivedAt", equalTo(receivedAt));
        given().queryParam("sender", sender).when().get("/api/v1/alerts")
                .then().statusCode(200).body("items[0].receivedAt", equalTo(receivedAt));
    }

    @Test
    void samePublishTwiceReturnsTheExistingAlertWithoutDuplicate() {
        String sender = TestAlerts.uniqueSender();
        String body = TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId());
        String id = publish(body).then().statusCode(201).extract().path("id");
        publish(body).then().statusCode(200).body("id", equalTo(id));
        given().queryParam("sender", sender).when().get("/api/v1/alerts")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void concurrentIdenticalPublishesStoreOneAlert() throws Exception {
        String sender = TestAlerts.uniqueSender();
        String body = TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId());
        String key = TestKeys.publisher();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(key).contentType(ContentType.JSON)
                        .body(body).post("/api/v1/alerts").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(st -> st == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(st -> st == 200).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("sender", sender).when().get("/api/v1/alerts")
                .then().body("items", hasSize(1));
    }

    @Test
    void sameIdentifierWithDifferentContentIsAConflict() {
        String sender = TestAlerts.uniqueSender();
        String identifier = TestAlerts.uniqueId();
        publish(TestAlerts.kyivAirRaid(sender, identifier)).then().statusCode(201);
        publish(TestAlerts.kyivAirRaid(sender, identifier).replace("Go to the nearest shelter.", "Stay home."))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("identifier"));
        given().queryParam("sender", sender).when().get("/api/v1/alerts")
                .then().body("items", hasSize(1))
                .body("items[0].info[0].instruction", equalTo("Go to the nearest shelter."));
    }

    @Test
    void invalidAlertIsRefusedNamingEveryFieldAndNothingIsStored() {
        String sender = TestAlerts.uniqueSender();
        String body = TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())
                .replace("\"Extreme\"", "\"Catastrophic\"")
                .replace("\"scope\": \"Public\"", "\"scope\": \"Everyone\"");
        publish(body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("/problems/invalid-alert"))
                .body("errors.field", hasItem("info[0].severity"))
                .body("errors.field", hasItem("scope"));
        given().queryParam("sender", sender).when().get("/api/v1/alerts")
                .then().body("items", hasSize(0));
    }

    @Test
    void timesWithoutOffsetAndUnknownJsonFieldsAreRefused() {
        String sender = TestAlerts.uniqueSender();
        String zulu = TestAlerts.alert(sender, TestAlerts.uniqueId(), "2026-11-25T08:00:00Z", "Alert",
                null, "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30", null);
        publish(zulu).then().statusCode(400).body("errors.field", hasItem("sent"));
        String typo = TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()).replace("\"urgency\"", "\"urgncy\"");
        publish(typo).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith("info[0].urgncy")));
    }

    @Test
    void malformedJsonIsRefused() {
        publish("{\"identifier\": ").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void publishingNeedsAPublisherKey() {
        String body = TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId());
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/alerts")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
        given().auth().oauth2("aak_not-a-key").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/alerts").then().statusCode(401);
        given().auth().oauth2(TestKeys.withRole("subscriber")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/alerts").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/alerts").then().statusCode(403);
    }

    @Test
    void otherMediaTypesAreUnsupported() {
        given().auth().oauth2(TestKeys.publisher()).contentType("text/plain").body("air raid!")
                .when().post("/api/v1/alerts")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void bodiesOverTheLimitAreTooLarge() {
        String huge = TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())
                .replace("Go to the nearest shelter.", "x".repeat(1024 * 1024));
        given().auth().oauth2(TestKeys.publisher()).contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/alerts")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", endsWith("the limit is 1048576."));
    }

    @Test
    void unknownAlertIsNotFound() {
        given().when().get("/api/v1/alerts/00000000-0000-7000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
