import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook fan-out benchmark. Alerts matching N subscriptions whose receiver runs on this
 * machine: time from the publish's 201 until the receiver has every signed delivery (each
 * signature checked), next to a baseline measured in the same run: a plain HTTP client (the
 * same Vert.x client library airalert uses) posting the same body to the same receiver URLs
 * with the same concurrency, no database, no signing.
 *
 * <p>No warm-up: the service is started here, and its first alert is published as soon as it is
 * ready (after creating a publisher key) and reported on its own, as is the baseline's first
 * round, which follows it. Then more alerts alternate with baseline rounds, the order swapped
 * each time so that the machine's drift falls on both alike; their medians are compared. Run by
 * bench/webhook-fanout.sh, which prepares the database and the subscriptions, compiles the
 * benchmarks with bench/BenchApp.java and runs
 *
 *   java -cp "target/bench:target/quarkus-app/lib/main/*" FanoutBench <jdbc-url> <subscriptions> <concurrency> <receiver-port> <more-alerts>
 *
 * With BENCH_JFR set, the service runs with a JFR recording in target/bench-fanout-N.jfr.
 */
public class FanoutBench {

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int n = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int receiverPort = Integer.parseInt(args[3]);
        int more = Integer.parseInt(args[4]);

        Receiver receiver = new Receiver(receiverPort);
        int appPort = BenchApp.freePort();
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "AIRALERT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8",
                "AIRALERT_WEBHOOKS_MAX_IN_FLIGHT", Integer.toString(concurrency)));
        if (System.getenv("BENCH_JFR") != null) {
            settings.put("JAVA_TOOL_OPTIONS",
                    "-XX:StartFlightRecording=filename=target/bench-fanout-" + n + ".jfr,settings=profile");
        }
        long started = System.nanoTime();
        Process app = BenchApp.start(jdbcUrl, appPort, LOG, settings);
        BenchApp.stopOnExit(app);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + appPort;
            BenchApp.waitReady(http, base, LOG, 180);
            long ready = System.nanoTime();
            String publisher = BenchApp.createPublisherKey(http, base);

            Semaphore slots = new Semaphore(concurrency);
            io.vertx.core.http.HttpClient plain = receiver.vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                    .setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));

            Round first = airalertRound(http, base, publisher, app, receiver, n);
            System.out.printf("%,d subscriptions: service ready %.1f s after its start; first alert published %.2f s"
                    + " after ready%n", n, (ready - started) / 1e9, (first.publishedAt - ready) / 1e9);
            System.out.println("alert 1 (first after start): " + first);
            double baselineFirst = baselineRound(plain, receiverPort, receiver.sampleBody(), receiver, n, slots);
            System.out.printf("baseline 1 (its first round): %.2f s%n", baselineFirst);
            List<Double> airalert = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            for (int round = 0; round < more; round++) {
                for (int phase = 0; phase < 2; phase++) {
                    if ((phase == 0) == (round % 2 == 0)) {
                        Round r = airalertRound(http, base, publisher, app, receiver, n);
                        airalert.add(r.seconds);
                        System.out.printf("alert %d: %s%n", round + 2, r);
                    } else {
                        double b = baselineRound(plain, receiverPort, receiver.sampleBody(), receiver, n, slots);
                        baseline.add(b);
                        System.out.printf("baseline %d: %.2f s%n", round + 2, b);
                    }
                }
            }
            double later = median(airalert);
            double base0 = median(baseline);
            System.out.printf("%,d subscriptions: first alert %.2f s after its 201; later alerts median %.2f s"
                    + " (%.0f/s); baseline median %.2f s (%.0f/s), first round %.2f s; ratio of rates %.2f%n",
                    n, first.seconds, later, n / later, base0, n / base0, baselineFirst, base0 / later);
            System.out.printf("SUMMARY | %,d | %.2f | %.2f | %.2f (%.2f) | %.2f |%n", n, first.seconds, later, base0,
                    baselineFirst, base0 / later);
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
            receiver.stop();
        }
        System.exit(0);
    }

    static final String LOG = "target/bench-app.log";

    /** One alert: when it was published, its 201's time, seconds from the 201 to the last delivery, the service's CPU. */
    record Round(long publishedAt, long publishMillis, double seconds, double cpuSeconds) {
        @Override
        public String toString() {
            return String.format("201 in %d ms; all received %.2f s after the 201; service CPU %.1f s",
                    publishMillis, seconds, cpuSeconds);
        }
    }

    /** Publishes one alert; seconds from the 201 until the receiver has every signed delivery. */
    static Round airalertRound(HttpClient http, String base, String publisher, Process app, Receiver receiver, int n)
            throws Exception {
        receiver.expect(n, true);
        double cpu0 = BenchApp.cpuSeconds(app);
        long t0 = System.nanoTime();
        HttpResponse<String> published = publish(http, base, publisher);
        long t201 = System.nanoTime();
        if (published.statusCode() != 201) {
            throw new IllegalStateException("publish answered " + published.statusCode() + ": " + published.body());
        }
        if (!receiver.await(120)) {
            throw new IllegalStateException("only " + receiver.count() + " of " + n + " deliveries arrived");
        }
        return new Round(t0, (t201 - t0) / 1_000_000, (receiver.lastAt() - t201) / 1e9,
                BenchApp.cpuSeconds(app) - cpu0);
    }

    /** The same body to the same URLs with the plain client; seconds until the receiver has them all. */
    static double baselineRound(io.vertx.core.http.HttpClient plain, int port, String body, Receiver receiver, int n,
            Semaphore slots) throws Exception {
        receiver.expect(n, false);
        long b0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            slots.acquire();
            post(plain, port, "/hook/" + i, body, slots);
        }
        if (!receiver.await(120)) {
            throw new IllegalStateException("baseline: only " + receiver.count() + " of " + n);
        }
        return (receiver.lastAt() - b0) / 1e9;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    static HttpResponse<String> publish(HttpClient http, String base, String publisher) throws Exception {
        String alert = BenchApp.kyivAlert("bench-" + System.nanoTime());
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

    /** Counts the requests {@link HookReceiver} gets, once per path, and the bad signatures. */
    static final class Receiver {
        private final HookReceiver hooks;
        final io.vertx.core.Vertx vertx;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicLong lastAt = new AtomicLong();
        private final AtomicInteger badSignatures = new AtomicInteger();
        private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
        private volatile String sampleBody;
        private volatile boolean verify;
        private volatile CountDownLatch done = new CountDownLatch(0);

        Receiver(int port) throws Exception {
            hooks = new HookReceiver(port, this::received);
            vertx = hooks.vertx;
        }

        private void received(String path, String body, boolean signed, long at) {
            if (verify) {
                if (!signed) {
                    badSignatures.incrementAndGet();
                }
                sampleBody = body;
            }
            if (seen.putIfAbsent(path, Boolean.TRUE) == null) {
                count.incrementAndGet();
                lastAt.set(at);
                done.countDown();
            }
        }

        void expect(int n, boolean verifySignatures) {
            seen.clear();
            count.set(0);
            verify = verifySignatures;
            hooks.verifySignatures(verifySignatures);
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
            hooks.stop();
        }
    }
}
