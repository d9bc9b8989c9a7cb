package dev.airalert.subscription;

import static io.restassured.RestAssured.given;

import dev.airalert.TestKeys;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;

/** Creating subscriptions for tests, each with a subscriber key of its own unless given one. */
public final class TestSubscriptions {

    private TestSubscriptions() {
    }

    public static String subscriberKey() {
        return TestKeys.create("subscriber " + java.util.UUID.randomUUID(), List.of("subscriber"));
    }

    /** Creates a subscription from the JSON fields given (without braces) and returns the response. */
    public static JsonPath create(String key, String url, String fieldsJson) {
        return given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"url\": \"" + url + "\", " + fieldsJson + "}")
                .when().post("/api/v1/subscriptions")
                .then().statusCode(201).extract().jsonPath();
    }
}
