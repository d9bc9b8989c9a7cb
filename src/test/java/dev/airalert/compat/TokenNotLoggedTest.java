package dev.airalert.compat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.LogCapture;
import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Devices put their token in the URL: whatever they ask, right or wrong, nothing the service
 * logs holds it (alerts.in.ua's clients send it as ?token=, and ours reach logs that are read).
 */
@QuarkusTest
class TokenNotLoggedTest {

    private final LogCapture capture = new LogCapture();
    private final List<LogRecord> records = capture.records();

    @BeforeEach
    void capture() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aTokenInTheUrlIsNeverLogged() {
        String reader = TestKeys.create("logged? " + TestAlerts.uniqueId(), List.of("reader"));
        String unknown = "aak_" + TestAlerts.uniqueId().replace("-", "");
        for (String token : List.of(reader, unknown)) {
            for (String path : List.of("/v1/alerts/active.json", "/v1/iot/active_air_raid_alerts/99999.json",
                    "/v1/regions/564/alerts/year_ago.json", "/v1/no/such/path", "/v1/regions/564/alerts/week_ago.json")) {
                given().queryParam("token", token).get(path);
                given().queryParam("token", token).post(path);
            }
            given().header("Authorization", token).get("/api/v3/alerts");
            given().header("Authorization", token).contentType("application/json").body("{\"webHookUrl\": 1}")
                    .post("/api/v3/webhook");
        }
        // The capture sees what the service logs (a line of its own, as the service logs it).
        org.jboss.logging.Logger.getLogger(TokenNotLoggedTest.class).info("capture works");
        assertTrue(records.stream().anyMatch(r -> "capture works".equals(r.getMessage())), "nothing captured");
        for (LogRecord record : records) {
            String text = record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + " " + (record.getThrown() == null ? "" : record.getThrown().toString());
            assertTrue(!text.contains(reader) && !text.contains(unknown), "logged a token: " + text);
        }
    }
}
