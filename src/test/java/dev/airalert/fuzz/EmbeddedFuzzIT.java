package dev.airalert.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.PackagedApp;
import io.restassured.http.ContentType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same hostile requests against the packaged embedded default (H2) in a heap of 512 MB:
 * nothing a publisher sends may fill it, stall it or break its store.
 */
class EmbeddedFuzzIT {

    @Test
    void nothingAPublisherSendsBreaksTheEmbeddedDefault() throws Exception {
        try (PackagedApp app = PackagedApp.embedded().env("JAVA_TOOL_OPTIONS", "-Xmx512m")
                .env("AIRALERT_SECURITY_PUBLISHES_PER_MINUTE", "1000000").start()) {
            String key = given().auth().oauth2(app.adminKey()).contentType(ContentType.JSON)
                    .body(Map.of("name", "fuzz", "holder", "fuzz", "roles", List.of("publisher", "subscriber"),
                            "senders", List.of("*")))
                    .post(app.base() + "/api/v1/api-keys").then().statusCode(201).extract().path("secret");
            HostileRequests requests = new HostileRequests(20261202,
                    HostileRequests.validCorpus(IngestFuzzTest.corpus()));
            FuzzRun.Report report = FuzzRun.run(URI.create(app.base() + "/"), key, requests, IngestFuzzTest.REQUESTS, 4,
                    IngestFuzzTest.DEADLINE);
            assertTrue(report.violations().isEmpty(), report.summary());
            given().get(app.base() + "/q/health/ready").then().statusCode(200);
            assertTrue(app.isAlive(), "the embedded default is still running");
        }
    }
}
