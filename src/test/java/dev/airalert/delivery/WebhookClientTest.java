package dev.airalert.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.subscription.WebhookFormat;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client connects to the address it is given, whatever the URL's host would resolve to,
 * while the host name stays the request's: Host header, TLS server name and the name the
 * certificate must carry. The hosts used here do not resolve at all.
 */
class WebhookClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] BODY = "{\"type\":\"alert.published\"}".getBytes(StandardCharsets.UTF_8);
    private static final List<String> SECRETS = List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static InetAddress loopback;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        loopback = InetAddress.getByName("127.0.0.1");
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void connectsToTheVettedAddressWithTheUrlsHostName() throws Exception {
        WebhookClient client = new WebhookClient(vertx, WebhookClient.options(TIMEOUT), TIMEOUT, 8, null);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            int port = URI.create(receiver.url()).getPort();
            Outcome outcome = client.send(delivery("http://pinned.invalid:" + port + "/hook"), loopback, BODY, SECRETS)
                    .get(30, TimeUnit.SECONDS);
            assertEquals(204, outcome.statusCode(), outcome.error());
            assertEquals(1, receiver.received().size());
            assertEquals("pinned.invalid:" + port, receiver.received().get(0).header("host"));
        }
    }

    @Test
    void tlsNamesAndVerifiesTheUrlsHostNotTheAddress() throws Exception {
        Path keyStore = dir.resolve("pinned.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "pinned", "-keyalg", "EC", "-dname", "CN=pinned.invalid",
                "-ext", "san=dns:pinned.invalid", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        PfxOptions pfx = new PfxOptions().setPath(keyStore.toString()).setPassword("changeit");
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true).setKeyCertOptions(pfx))
                .requestHandler(r -> {
                    seen.add(r.connection().indicatedServerName() + " " + r.getHeader("host"));
                    r.response().setStatusCode(204).end();
                });
        int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
                .actualPort();
        try {
            WebhookClient client = new WebhookClient(vertx, WebhookClient.options(TIMEOUT).setTrustOptions(pfx), TIMEOUT, 8, null);
            Outcome named = client.send(delivery("https://pinned.invalid:" + port + "/hook"), loopback, BODY, SECRETS)
                    .get(30, TimeUnit.SECONDS);
            assertEquals(204, named.statusCode(), named.error());
            assertEquals(List.of("pinned.invalid pinned.invalid:" + port), List.copyOf(seen));

            Outcome otherName = client.send(delivery("https://other.invalid:" + port + "/hook"), loopback, BODY, SECRETS)
                    .get(30, TimeUnit.SECONDS);
            assertNull(otherName.statusCode());
            assertNotNull(otherName.error());
            assertEquals(1, seen.size());
        } finally {
            server.close();
        }
    }

    private static Outgoing delivery(String url) {
        return new Outgoing(UUID.randomUUID(), UUID.randomUUID(), url, SECRETS, List.of(), 0, 1, "evt_pinned",
                "chain", "alert.published", Instant.now(), Instant.now().plusSeconds(60), null,
                WebhookFormat.STANDARD, null, null, false, null);
    }
}
