package dev.airalert.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys: admin creates them, the secret is shown once and stored hashed, revoked keys stop. */
@QuarkusTest
class ApiKeyTest {

    @Inject
    ApiKeyRepository keys;

    @Test
    void adminCreatesListsAndRevokesKeys() {
        String name = "city of Kyiv " + UUID.randomUUID();
        Map<String, Object> created = given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "holder", "Olena, duty officer", "roles", List.of("publisher", "subscriber"),
                        "senders", List.of("test-*@airalert.test")))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("secret", startsWith("aak_"))
                .body("roles", containsInAnyOrder("publisher", "subscriber"))
                .body("holder", equalTo("Olena, duty officer"))
                .body("senders", containsInAnyOrder("test-*@airalert.test"))
                .extract().as(Map.class);
        String secret = (String) created.get("secret");
        String id = (String) created.get("id");

        given().auth().oauth2(TestKeys.ADMIN).when().get("/api/v1/api-keys")
                .then().statusCode(200)
                .body("name", hasItem(name))
                .body("find { it.id == '" + id + "' }.secret", equalTo(null))
                .body("find { it.id == '" + id + "' }.prefix", equalTo(secret.substring(0, 10)));
        assertStoredOnlyAsHash(UUID.fromString(id), secret);

        String body = TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId());
        given().auth().oauth2(secret).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/alerts").then().statusCode(201);

        given().auth().oauth2(TestKeys.ADMIN).when().delete("/api/v1/api-keys/" + id)
                .then().statusCode(200).body("revokedAt", notNullValue());
        given().auth().oauth2(secret).contentType(ContentType.JSON)
                .body(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId()))
                .when().post("/api/v1/alerts").then().statusCode(401);
    }

    void assertStoredOnlyAsHash(UUID id, String secret) {
        ApiKey key = QuarkusTransaction.requiringNew().call(() -> keys.findById(id));
        assertEquals(ApiKeySecrets.hash(secret), key.secretHash);
        assertThat(key.secretHash, not(containsString(secret.substring(4))));
    }

    @Test
    void onlyAdminsManageKeys() {
        given().when().get("/api/v1/api-keys").then().statusCode(401);
        given().auth().oauth2(TestKeys.publisher()).when().get("/api/v1/api-keys").then().statusCode(403);
        given().auth().oauth2(TestKeys.publisher()).contentType(ContentType.JSON)
                .body(Map.of("name", "sneaky", "holder", "x", "roles", List.of("admin")))
                .when().post("/api/v1/api-keys").then().statusCode(403);
    }

    @Test
    void badKeyRequestsNameTheField() {
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "holder", "h", "roles", List.of("superuser")))
                .when().post("/api/v1/api-keys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "roles[0]"));
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"holder\": \"h\", \"roles\": [\"publisher\"], \"senders\": [\"*\"],"
                        + " \"colour\": \"red\"}")
                .when().post("/api/v1/api-keys")
                .then().statusCode(400).body("errors.field", hasItem("colour"));
        given().auth().oauth2(TestKeys.ADMIN).when().delete("/api/v1/api-keys/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
