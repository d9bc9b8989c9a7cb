import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook fan-out benchmark. One alert matching N subscriptions (default 10,000) whose
 * receiver runs on this machine: time from the publish's 201 until the receiver has every
 * signed delivery (each signature checked), next to a baseline measured in the same run: a
 * plain HTTP client (the same Vert.x client library airalert uses) posting the same body to
 * the same receiver URLs with the same concurrency, no database, no signing. Run by bench/webhook-fanout.sh, which prepares the
 * database and the subscriptions.
 *
 *   java bench/FanoutBench.java <jdbc-url> <subscriptions> <concurrency> <receiver-port>
 */
public class FanoutBench {

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int n = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int receiverPort = Integer.parseInt(args[3]);
        byte[] key = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=");

        Receiver receiver = new Receiver(receiverPort, key);
        int appPort = freePort();
        Process app = startApp(jdbcUrl, appPort, concurrency);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + appPort;
            waitReady(http, base);
            String publisher = createKey(http, base);

            // --- airalert: publish one alert, wait for every signed delivery. The first round
            //     warms both JVMs up; the second is measured. ---
            receiver.expect(n, true);
            publish(http, base, publisher);
            if (!receiver.await(120)) {
                throw new IllegalStateException("warm-up: only " + receiver.count() + " of " + n + " deliveries arrived");
            }
            receiver.expect(n, true);
            long t0 = System.nanoTime();
            HttpResponse<String> published = publish(http, base, publisher);
            long publishMs = (System.nanoTime() - t0) / 1_000_000;
            if (published.statusCode() != 201) {
                throw new IllegalStateException("publish answered " + published.statusCode() + ": " + published.body());
            }
            long t201 = System.nanoTime();
            if (!receiver.await(120)) {
                throw new IllegalStateException("only " + receiver.count() + " of " + n + " deliveries arrived");
            }
            double airalertSeconds = (receiver.lastAt() - t201) / 1e9;
            System.out.printf("airalert: %d signed deliveries received %.2f s after the 201 (publish took %d ms)%n",
                    n, airalertSeconds, publishMs);
            String body = receiver.sampleBody();

            // --- baseline: same body, same URLs, same concurrency, plain client; warmed up too ---
            long b0 = 0;
            Semaphore slots = new Semaphore(concurrency);
            io.vertx.core.http.HttpClient plain = receiver.vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                    .setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
            for (int round = 0; round < 2; round++) {
                receiver.expect(n, false);
                b0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    slots.acquire();
                    post(plain, receiverPort, "/hook/" + i, body, slots);
                }
                if (!receiver.await(120)) {
                    throw new IllegalStateException("baseline: only " + receiver.count() + " of " + n);
                }
            }
            double baselineSeconds = (receiver.lastAt() - b0) / 1e9;

            double rate = n / airalertSeconds;
            double baseRate = n / baselineSeconds;
            System.out.printf("publish answered 201 in %d ms (fan-out runs after the commit)%n", publishMs);
            System.out.printf("airalert: %d signed deliveries received %.2f s after the 201: %.0f/s%n", n, airalertSeconds, rate);
            System.out.printf("baseline: %d plain POSTs, same body and concurrency (%d): %.2f s: %.0f/s%n",
                    n, concurrency, baselineSeconds, baseRate);
            System.out.printf("ratio airalert/baseline: %.2f (target >= 0.50); all within 2 s: %s%n",
                    rate / baseRate, airalertSeconds <= 2.0 ? "yes" : "no");
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
            receiver.stop();
        }
        System.exit(0);
    }

    static HttpResponse<String> publish(HttpClient http, String base, String publisher) throws Exception {
        String alert = Files.readString(Path.of("bench/kyiv-alert.json"))
                .replace("IDENTIFIER", "bench-" + System.nanoTime())
                .replace("SENT", java.time.OffsetDateTime.now().format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                .header("authorization", "Bearer " + publisher).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A baseline request with the same HTTP client library airalert uses (Vert.x), nothing
     * else; a failed one is sent again at once, as the service would retry it.
     */
    static void post(io.vertx.core.http.HttpClient http, int port, String path, String body, Semaphore slots) {
        http.request(io.vertx.core.http.HttpMethod.POST, port, "127.0.0.1", path)
                .compose(r -> r.putHeader("content-type", "application/json").send(body))
                .compose(r -> r.body().map(b -> r.statusCode()))
                .onComplete(result -> {
                    if (result.failed() || result.result() >= 300) {
                        post(http, port, path, body, slots);
                    } else {
                        slots.release();
                    }
                });
    }

    static Process startApp(String jdbcUrl, int port, int concurrency) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(Path.of("target/bench-app.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("AIRALERT_ADMIN_KEY", "bench-admin-key");
        env.put("AIRALERT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8");
        env.put("AIRALERT_WEBHOOKS_MAX_IN_FLIGHT", Integer.toString(concurrency));
        return pb.start();
    }

    static void waitReady(HttpClient http, String base) throws Exception {
        for (int i = 0; i < 240; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("airalert did not become ready; see target/bench-app.log");
    }

    static String createKey(HttpClient http, String base) throws Exception {
        String response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys"))
                .header("authorization", "Bearer bench-admin-key").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"bench\", \"roles\": [\"publisher\"]}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return response.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Counts requests and checks each Standard Webhooks signature when asked to. A Vert.x
     * server (from the application's own libraries), so that the receiver is not what limits
     * either side of the comparison.
     */
    static final class Receiver {
        final io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        private final byte[] key;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong lastAt = new AtomicLong();
        private final AtomicInteger badSignatures = new AtomicInteger();
        private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
        private volatile String sampleBody;
        private volatile boolean verify;
        private volatile CountDownLatch done = new CountDownLatch(0);

        Receiver(int port, byte[] key) throws Exception {
            this.key = key;
            CountDownLatch listening = new CountDownLatch(2);
            for (int i = 0; i < 2; i++) {
                vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
                    String text = buffer.toString(StandardCharsets.UTF_8);
                    if (verify) {
                        String id = request.getHeader("webhook-id");
                        String ts = request.getHeader("webhook-timestamp");
                        String sig = request.getHeader("webhook-signature");
                        if (sig == null || !sig.contains(sign(id + "." + ts + "." + text))) {
                            badSignatures.incrementAndGet();
                        }
                        sampleBody = text;
                    }
                    request.response().setStatusCode(204).end();
                    if (seen.putIfAbsent(request.path(), Boolean.TRUE) == null) {
                        count.incrementAndGet();
                        lastAt.set(System.nanoTime());
                        done.countDown();
                    }
                })).listen(port, "127.0.0.1").onComplete(r -> listening.countDown());
            }
            listening.await(10, TimeUnit.SECONDS);
        }

        private String sign(String content) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        void expect(int n, boolean verifySignatures) {
            seen.clear();
            count.set(0);
            verify = verifySignatures;
            done = new CountDownLatch(n);
        }

        boolean await(int seconds) throws InterruptedException {
            boolean all = done.await(seconds, TimeUnit.SECONDS);
            if (verify && badSignatures.get() > 0) {
                throw new IllegalStateException(badSignatures.get() + " deliveries had a bad signature");
            }
            return all;
        }

        int count() {
            return count.get();
        }

        long lastAt() {
            return lastAt.get();
        }

        String sampleBody() {
            return sampleBody;
        }

        void stop() {
            vertx.close();
        }
    }
}
