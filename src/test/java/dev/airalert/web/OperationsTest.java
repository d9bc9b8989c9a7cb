package dev.airalert.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What an operator relies on: API description, health with the database, metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void openApiDescribesThePublicApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/alerts'.post.summary", equalTo("Publish an alert"))
                .body("paths.keySet()", hasItem("/api/v1/alerts.atom"))
                .body("paths.keySet()", hasItem("/api/v1/audit"))
                .body("paths.keySet()", hasItem("/api/v1/trusted-senders"))
                .body("paths.keySet()", hasItem("/api/v1/approval-rules"))
                .body("paths.'/api/v1/api-keys'.post.summary", equalTo("Create an API key"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsCountIngestedAndRejectedAlertsByReason() {
        given().auth().oauth2(TestKeys.publisher()).contentType("application/json").body("{")
                .when().post("/api/v1/alerts").then().statusCode(400);
        given().auth().oauth2(TestKeys.publisher()).contentType("application/json")
                .body(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId()))
                .when().post("/api/v1/alerts").then().statusCode(201);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("airalert_alerts_rejected_total{reason=\"malformed\"}"))
                .body(containsString("airalert_alerts_ingested_total{format=\"json\"}"));
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().when().get("/api/v1/alerts/not-an-id").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().when().delete("/api/v1/alerts").then().statusCode(405)
                .contentType("application/problem+json");
    }
}
