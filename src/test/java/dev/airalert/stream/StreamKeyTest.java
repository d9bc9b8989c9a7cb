package dev.airalert.stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.LockedDownProfile;
import dev.airalert.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A deployment that switched anonymous streaming off: no key, no stream; any valid key streams. */
@QuarkusTest
@TestProfile(LockedDownProfile.class)
class StreamKeyTest {

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    @Test
    void anonymousClientsAreRefusedWithAProblem() {
        given().accept("text/event-stream").get(stream).then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        given().accept("text/event-stream").auth().oauth2("aak_not-a-key").get(stream).then().statusCode(401);
    }

    @Test
    void aClientWithAnyValidKeyStreams() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("accept", "text/event-stream")
                .header("authorization", "Bearer " + TestKeys.withRole("subscriber")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        try (InputStream body = response.body()) {
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        }
    }
}
