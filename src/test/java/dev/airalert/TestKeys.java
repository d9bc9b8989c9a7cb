package dev.airalert;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** API keys for tests, created through the API with the test admin key. */
public final class TestKeys {

    public static final String ADMIN = "test-admin-key";
    private static final Map<String, String> BY_ROLE = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    /** A key with just this role, created once per test run. */
    public static String withRole(String role) {
        return BY_ROLE.computeIfAbsent(role, r -> create("test " + r, List.of(r)));
    }

    public static String publisher() {
        return withRole("publisher");
    }

    public static String create(String name, List<String> roles) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", roles))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .extract().path("secret");
    }
}
