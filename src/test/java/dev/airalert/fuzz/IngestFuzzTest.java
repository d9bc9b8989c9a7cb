package dev.airalert.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 500 hostile requests of every category against the service on PostgreSQL: no 5xx, every
 * answer within the publish deadline, every refusal a problem naming its field, and the
 * service ready and its heap small afterwards. The seed is fixed so a failure replays; the
 * benchmark {@code bench/fuzz-ingest.sh} runs the same generator at volume.
 */
@QuarkusTest
class IngestFuzzTest {

    static final int REQUESTS = 500;
    static final Duration DEADLINE = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    @Test
    void nothingAPublisherSendsBreaksTheService() throws Exception {
        String key = TestKeys.create("fuzz", List.of("publisher", "subscriber"), List.of("*"));
        HostileRequests requests = new HostileRequests(20261201, HostileRequests.validCorpus(corpus()));
        FuzzRun.Report report = FuzzRun.run(base, key, requests, REQUESTS, 4, DEADLINE);
        assertTrue(report.violations().isEmpty(), report.summary());
        given().get("/q/health/ready").then().statusCode(200);
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertTrue(used < 512L * 1024 * 1024, "heap in use after the run: " + used / (1024 * 1024) + " MB");
    }

    static Path corpus() {
        return Path.of(System.getProperty("cap.corpus", "../shared/cap-corpus"));
    }
}
