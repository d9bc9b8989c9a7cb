package dev.airalert.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every response says about itself to browsers; the page and its modules are revalidated, never immutable. */
@QuarkusTest
class SecurityHeadersTest {

    /** Where the page's modules are: every one of them is checked, as the page loads them all. */
    private static final Path MODULES = Path.of("src/main/resources/META-INF/resources/js");

    @Test
    void thePageAndItsFilesCarryTheHeadersAndAreRevalidated() throws IOException {
        List<String> paths = new ArrayList<>(List.of("/", "/index.html", "/app.css"));
        try (Stream<Path> modules = Files.list(MODULES)) {
            modules.map(m -> "/js/" + m.getFileName()).sorted().forEach(paths::add);
        }
        assertTrue(paths.contains("/js/main.js"), "the page's entry module: " + paths);
        for (String path : paths) {
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
    void modulesAreServedAsJavaScript() throws IOException {
        // Browsers run a module only with a JavaScript type; nosniff rules out guessing.
        try (Stream<Path> modules = Files.list(MODULES)) {
            modules.forEach(m -> given().get("/js/" + m.getFileName()).then().statusCode(200)
                    .contentType(startsWith("text/javascript")));
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
