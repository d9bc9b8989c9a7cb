package dev.airalert.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Limits: failed authentications per client address (from X-Forwarded-For, believed from
 * the test profile's trusted loopback proxy) and published alerts per key, both 429 with
 * Retry-After and counted in metrics.
 */
@QuarkusTest
class RateLimitTest {

    private static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "203.0." + r.nextInt(113, 114) + "." + r.nextInt(1, 255);
    }

    @Test
    void guessingKeysFromOneAddressIsHeldOffWhileOthersGoOn() {
        String guesser = "198.18." + ThreadLocalRandom.current().nextInt(0, 255) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        // The admin key authenticated lately (from elsewhere), whichever tests ran before this one.
        given().header("X-Forwarded-For", randomAddress()).auth().oauth2(TestKeys.ADMIN).get("/api/v1/api-keys")
                .then().statusCode(200);
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", guesser).auth().oauth2("aak_guess" + i).get("/api/v1/subscriptions")
                    .then().statusCode(401);
        }
        given().header("X-Forwarded-For", guesser).auth().oauth2("aak_guess-again").get("/api/v1/subscriptions")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("type", equalTo("/problems/too-many-requests"));
        // A key that authenticated lately is not locked out by a guesser behind the same address;
        // anonymous reading goes on; other addresses are not affected.
        given().header("X-Forwarded-For", guesser).auth().oauth2(TestKeys.ADMIN).get("/api/v1/api-keys").then()
                .statusCode(200);
        given().header("X-Forwarded-For", guesser).get("/api/v1/status").then().statusCode(200);
        given().header("X-Forwarded-For", randomAddress()).auth().oauth2(TestKeys.ADMIN).get("/api/v1/api-keys")
                .then().statusCode(200);
        // What a client writes into X-Forwarded-For itself stands left of what the proxy adds: not taken.
        given().header("X-Forwarded-For", guesser + ", " + randomAddress()).auth().oauth2(TestKeys.ADMIN)
                .get("/api/v1/api-keys").then().statusCode(200);
        given().get("/q/metrics").then().body(containsString("airalert_rate_limited_total{limit=\"failed-authentication\"}"));
    }

    @Test
    void aKeyPublishesAtMostItsAllowanceAMinute() {
        String sender = TestAlerts.uniqueSender();
        String key = given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "limited", "holder", "limited", "roles", List.of("publisher"),
                        "senders", List.of(sender), "publishesPerMinute", 3))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(key).contentType(ContentType.JSON)
                    .body(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())).post("/api/v1/alerts").then().statusCode(201);
        }
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())).post("/api/v1/alerts").then()
                .statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("detail", containsString("3 alerts a minute"));
        given().queryParam("sender", sender).get("/api/v1/alerts").then().body("items", hasSize(3));
        given().get("/q/metrics").then().body(containsString("airalert_rate_limited_total{limit=\"publish\"}"));
    }
}
