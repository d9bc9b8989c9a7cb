package dev.airalert.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What every response says about itself to browsers; the page and its script are revalidated, never immutable. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void thePageAndItsFilesCarryTheHeadersAndAreRevalidated() {
        for (String path : new String[] {"/", "/index.html", "/app.js", "/app.css"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Cache-Control", equalTo("no-cache"))
                    .header("Cache-Control", not(containsString("immutable")));
        }
    }

    @Test
    void theApiAndItsErrorsCarryThemToo() {
        given().get("/api/v1/status").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        given().get("/api/v1/alerts/not-an-id").then().statusCode(404).header("X-Content-Type-Options", equalTo("nosniff"));
        // Swagger UI needs its inline script: only framing is ruled out there.
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"));
    }
}
