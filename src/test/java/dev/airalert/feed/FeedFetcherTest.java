package dev.airalert.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a feed's server can do to a fetch: redirect it, send too much, send too slowly. None holds a poll. */
@QuarkusTest
class FeedFetcherTest {

    @Inject
    FeedFetcher fetcher;

    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok", exchange -> {
            byte[] body = "<alert/>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "\"e1\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/to-metadata", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            // No length announced: the limit must hold while reading.
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 64; i++) {
                    exchange.getResponseBody().write(chunk);
                }
            } catch (java.io.IOException cutOff) {
                // the client stopped reading: as it should
            }
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 100; i++) {
                    exchange.getResponseBody().write('<');
                    exchange.getResponseBody().flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException | java.io.IOException stopped) {
                // the client gave up: as it should
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRedirectIsFollowedAndVettedAgain() throws Exception {
        FeedFetcher.Fetched fetched = fetcher.get(base + "/moved", null, null, "*/*", 1024);
        assertEquals(200, fetched.status());
        assertEquals("\"e1\"", fetched.etag());
        assertArrayEquals("<alert/>".getBytes(StandardCharsets.UTF_8), fetched.body());
        FeedFetcher.Failed metadata = assertThrows(FeedFetcher.Failed.class,
                () -> fetcher.get(base + "/to-metadata", null, null, "*/*", 1024));
        assertTrue(metadata.getMessage().contains("169.254.169.254"), metadata.getMessage());
        FeedFetcher.Failed loop = assertThrows(FeedFetcher.Failed.class,
                () -> fetcher.get(base + "/loop", null, null, "*/*", 1024));
        assertTrue(loop.getMessage().contains("redirects"), loop.getMessage());
    }

    @Test
    void aBodyOverTheLimitIsCutOff() {
        FeedFetcher.Failed huge = assertThrows(FeedFetcher.Failed.class,
                () -> fetcher.get(base + "/huge", null, null, "*/*", 1024 * 1024));
        assertTrue(huge.getMessage().contains("over the limit"), huge.getMessage());
    }

    @Test
    void aServerTricklingBytesIsGivenUpOnAtTheTimeout() {
        FeedFetcher.Failed slow = assertThrows(FeedFetcher.Failed.class,
                () -> fetcher.get(base + "/slow", null, null, "*/*", 1024 * 1024));
        assertTrue(slow.getMessage().contains("timed out"), slow.getMessage());
    }

    @Test
    void aUrlTheGuardRefusesIsNeverRequested() {
        FeedFetcher.Failed refused = assertThrows(FeedFetcher.Failed.class,
                () -> fetcher.get("file:///etc/passwd", null, null, "*/*", 1024));
        assertTrue(refused.getMessage().contains("http or https"), refused.getMessage());
    }
}
