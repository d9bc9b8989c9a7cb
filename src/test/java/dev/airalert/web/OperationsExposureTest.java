package dev.airalert.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.airalert.LockedDownProfile;
import dev.airalert.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics behind a key and the API description closed, by configuration; health stays open. */
@QuarkusTest
@TestProfile(LockedDownProfile.class)
class OperationsExposureTest {

    @Test
    void metricsNeedAnAdminOrMonitorKey() {
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestKeys.publisher()).get("/q/metrics").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2("aak_wrong").get("/q/metrics").then().statusCode(401);
        String monitor = TestKeys.create("prometheus", List.of("monitor"));
        given().auth().oauth2(monitor).get("/q/metrics").then().statusCode(200)
                .body(containsString("airalert_"));
        given().auth().oauth2(TestKeys.ADMIN).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void theApiDescriptionIsClosedAndHealthIsNot() {
        given().get("/q/openapi").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestKeys.ADMIN).get("/q/swagger-ui/").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
