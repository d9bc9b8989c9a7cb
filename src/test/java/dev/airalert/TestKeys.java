package dev.airalert;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys for tests, created through the API with the test admin key. The shared publisher
 * may publish as any sender (a trusted aggregator's key), so that tests of other features
 * can use real CAP messages; the rules about senders are tested with keys of their own.
 */
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
        boolean speaks = roles.contains("publisher") || roles.contains("approver");
        return create(name, roles, speaks ? List.of("*") : null);
    }

    /** A key held by a holder of the same name, bound to these senders (null: none). */
    public static String create(String name, List<String> roles, List<String> senders) {
        Map<String, Object> request = new java.util.LinkedHashMap<>(Map.of("name", name, "holder", name, "roles", roles));
        if (senders != null) {
            request.put("senders", senders);
        }
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(request)
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .extract().path("secret");
    }
}
