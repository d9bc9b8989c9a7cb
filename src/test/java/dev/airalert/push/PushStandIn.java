package dev.airalert.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stand-in Web Push service for the tests: a Node process (src/test/node/push-stand-in.js)
 * that plays the browser (it holds the subscription keys) and the push service (it takes
 * airalert's pushes, checks their VAPID header and decrypts them). Node because the decryption
 * is done by http_ece, an implementation independent of airalert's own.
 *
 * <p>The npm packages are installed into target/node by src/test/scripts/test-services.sh,
 * which Maven runs before the tests.
 */
public final class PushStandIn implements AutoCloseable {

    private static final String SETUP_HINT =
            "run the test set-up: src/test/scripts/test-services.sh installs http_ece";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private PushStandIn(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the Node process on a free 127.0.0.1 port and waits until it listens. */
    public static PushStandIn start() throws Exception {
        Path base = baseDir();
        Path script = base.resolve("src/test/node/push-stand-in.js");
        Path modules = base.resolve("target/node/node_modules");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("the push stand-in script is missing: " + script);
        }
        if (!Files.isDirectory(modules.resolve("http_ece"))) {
            throw new IllegalStateException("the npm package http_ece is not in " + modules + "; " + SETUP_HINT);
        }
        Path log = Files.createTempFile("push-stand-in", ".log");
        // --watch-stdin: the process ends with our stdin pipe, so a JVM that dies before close()
        // does not leave it running.
        ProcessBuilder builder = new ProcessBuilder("node", script.toString(), "0", "--watch-stdin")
                .directory(base.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("NODE_PATH", modules.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (Node.js 20 is needed for the push stand-in); "
                    + SETUP_HINT + ": " + e.getMessage(), e);
        }
        try {
            int port = readPort(process, log);
            return new PushStandIn(process, log, port);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    // Surefire sets basedir; elsewhere the tests run from the project directory.
    private static Path baseDir() {
        String basedir = System.getProperty("basedir");
        return (basedir == null || basedir.isBlank() ? Path.of("") : Path.of(basedir)).toAbsolutePath();
    }

    private static int readPort(Process process, Path log) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String line;
        try {
            line = first.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the push stand-in did not say its port within " + START_TIMEOUT
                    + "; its output: " + tail(log));
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the push stand-in's port failed; its output: " + tail(log), e);
        }
        if (line == null || !line.startsWith("listening ")) {
            process.waitFor(2, TimeUnit.SECONDS);
            throw new IllegalStateException("the push stand-in did not start (" + SETUP_HINT + "); it said: "
                    + line + "; its error output: " + tail(log));
        }
        // Drains whatever else it prints, so a full pipe never blocks it.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // nothing to keep
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "push-stand-in-stdout");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(line.substring("listening ".length()).trim());
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** "http://127.0.0.1:&lt;port&gt;": the origin the VAPID aud claim must name. */
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** A new subscription as a browser would make it; the stand-in keeps its private keys. */
    public BrowserSubscription subscribe() {
        Map<String, String> body = call("POST", "/subscriptions", null, new TypeReference<>() {});
        return new BrowserSubscription(body.get("endpoint"), body.get("p256dh"), body.get("auth"));
    }

    /** The pushes that reached this subscription's endpoint, in arrival order. */
    public List<Received> received(BrowserSubscription s) {
        return call("GET", "/received/" + id(s), null, new TypeReference<>() {});
    }

    /** Pushes received in total, to any endpoint (unknown ones too). */
    public int requests() {
        Map<String, Integer> body = call("GET", "/requests", null, new TypeReference<>() {});
        return body.get("count");
    }

    /**
     * The next {@code times} pushes to this endpoint get {@code status} (and Retry-After when
     * not null) instead of 201. Calls queue up in order; {@code times} 0 clears the queue.
     */
    public void answer(BrowserSubscription s, int status, String retryAfterOrNull, int times) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("retryAfter", retryAfterOrNull);
        body.put("times", times);
        call("POST", "/answer/" + id(s), body, null);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file; nothing depends on it
        }
    }

    private static String id(BrowserSubscription s) {
        String endpoint = s.endpoint();
        return endpoint.substring(endpoint.lastIndexOf('/') + 1);
    }

    private <T> T call(String method, String path, Object body, TypeReference<T> type) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(origin() + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("push stand-in: " + method + " " + path + " -> "
                        + response.statusCode() + " " + response.body());
            }
            return type == null ? null : JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("push stand-in: " + method + " " + path + " failed"
                    + (process.isAlive() ? "" : " (the process has ended; its output: " + tail(log) + ")"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to the push stand-in", e);
        }
    }

    /** A browser's PushSubscription: endpoint and keys (base64url, no padding). */
    public record BrowserSubscription(String endpoint, String p256dh, String auth) {
        /** The PushSubscription JSON a page posts: endpoint, expirationTime null, keys. */
        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("endpoint", endpoint);
            json.put("expirationTime", null);
            json.put("keys", Map.of("p256dh", p256dh, "auth", auth));
            return json;
        }
    }

    /**
     * One push as the stand-in got it. {@code error} is null when the browser would have shown
     * it: it says why decryption failed, and also names a wrong Content-Encoding, a body over
     * 4096 bytes, a keyid that is not the 65-byte sender key, or more than one record.
     * {@code vapidValid} covers only the header's form and the ES256 signature against
     * {@code vapidKey}; {@code aud}, {@code exp} and {@code sub} are for the test to check.
     */
    public record Received(int answered, String plaintext, String error,
            Map<String, String> headers,
            boolean vapidValid, String vapidKey, String aud, long exp, String sub) {
    }
}
