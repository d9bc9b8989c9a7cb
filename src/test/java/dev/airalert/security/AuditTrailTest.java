package dev.airalert.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit trail: who did or was refused what, when, from where; for admins only; append-only. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AgroalDataSource db;

    @Test
    void publishesRefusalsAndKeyChangesAreRecordedWithKeyHolderAndAddress() {
        String sender = TestAlerts.uniqueSender();
        Map<String, Object> key = given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "audited", "holder", "Taras, duty officer", "roles", List.of("publisher"),
                        "senders", List.of(sender)))
                .post("/api/v1/api-keys").then().statusCode(201).extract().as(Map.class);
        String secret = (String) key.get("secret");
        String keyId = (String) key.get("id");
        String alertId = given().auth().oauth2(secret).header("X-Forwarded-For", "198.51.100.23")
                .contentType(ContentType.JSON).body(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()))
                .post("/api/v1/alerts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(secret).contentType(ContentType.JSON)
                .body(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId()))
                .post("/api/v1/alerts").then().statusCode(403);
        given().auth().oauth2(secret).get("/api/v1/api-keys").then().statusCode(403);

        // A missing role is refused before the request reaches a worker; its entry is written on one.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().auth().oauth2(TestKeys.ADMIN)
                .queryParam("key", keyId).get("/api/v1/audit").then().body("items", hasSize(3)));
        given().auth().oauth2(TestKeys.ADMIN).queryParam("key", keyId).get("/api/v1/audit").then().statusCode(200)
                .body("items.outcome", equalTo(List.of("refused", "refused", "accepted")))
                .body("items[2].action", equalTo("alert.published"))
                .body("items[2].alertId", equalTo(alertId))
                .body("items[2].holder", equalTo("Taras, duty officer"))
                .body("items[2].sender", equalTo(sender))
                .body("items[2].clientAddress", equalTo("198.51.100.23"))
                .body("items[1].detail", org.hamcrest.Matchers.containsString("may not publish as sender"))
                .body("items[0].action", equalTo("access"));
        given().auth().oauth2(TestKeys.ADMIN).queryParam("action", "key.created").queryParam("limit", "500")
                .get("/api/v1/audit").then().body("items.detail", hasItem(org.hamcrest.Matchers.containsString(keyId)))
                .body("items[0].keyId", equalTo("admin"));
    }

    @Test
    void pagesFollowTheCursorAndBadFiltersAreNamed() {
        String sender = TestAlerts.uniqueSender();
        for (int i = 0; i < 3; i++) {
            TestAlerts.publish(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())).then().statusCode(201);
        }
        String next = given().auth().oauth2(TestKeys.ADMIN).queryParam("sender", sender).queryParam("limit", "2")
                .get("/api/v1/audit").then().body("items", hasSize(2)).body("next", notNullValue())
                .extract().path("next");
        given().auth().oauth2(TestKeys.ADMIN).queryParam("sender", sender).queryParam("limit", "2")
                .queryParam("cursor", next).get("/api/v1/audit").then().body("items", hasSize(1))
                .body("next", equalTo(null));
        given().auth().oauth2(TestKeys.ADMIN).queryParam("limit", "0").queryParam("colour", "red")
                .queryParam("since", "yesterday").get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit")).body("errors.field", hasItem("colour"))
                .body("errors.field", hasItem("since"));
        given().get("/api/v1/audit").then().statusCode(401);
        given().auth().oauth2(TestKeys.publisher()).get("/api/v1/audit").then().statusCode(403)
                .body("items", not(notNullValue()));
    }

    @Test
    void theTrailCannotBeRewrittenInTheDatabase() throws Exception {
        TestAlerts.publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then().statusCode(201);
        try (var c = db.getConnection(); var s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_event SET detail = 'nothing happened'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_event"));
        }
    }
}
