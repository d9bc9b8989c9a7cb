import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook fan-out benchmark. One alert matching N subscriptions (default 10,000) whose
 * receiver runs on this machine: time from the publish's 201 until the receiver has every
 * signed delivery (each signature checked), next to a baseline measured in the same run: a
 * plain HTTP client (the same Vert.x client library airalert uses) posting the same body to
 * the same receiver URLs with the same concurrency, no database, no signing. Both sides are
 * warmed up, then measured rounds alternate; the medians are compared. Run by
 * bench/webhook-fanout.sh, which prepares the database and the subscriptions, compiles the
 * benchmarks with bench/BenchApp.java and runs
 *
 *   java -cp "target/bench:target/quarkus-app/lib/main/*" FanoutBench <jdbc-url> <subscriptions> <concurrency> <receiver-port>
 */
public class FanoutBench {

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int n = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int receiverPort = Integer.parseInt(args[3]);
        Receiver receiver = new Receiver(receiverPort);
        int appPort = BenchApp.freePort();
        Process app = BenchApp.start(jdbcUrl, appPort, LOG, Map.of(
                "AIRALERT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8",
                "AIRALERT_WEBHOOKS_MAX_IN_FLIGHT", Integer.toString(concurrency)));
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + appPort;
            BenchApp.waitReady(http, base, LOG);
            String publisher = BenchApp.createPublisherKey(http, base);

            Semaphore slots = new Semaphore(concurrency);
            io.vertx.core.http.HttpClient plain = receiver.vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                    .setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));

            // Warm-up: both sides run a few rounds first, so that the JIT compilers are done
            // with the hot paths (a running service is warm), then measured rounds alternate
            // airalert and baseline, so that the machine's drift falls on both alike.
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                airalertRound(http, base, publisher, receiver, n);
                baselineRound(plain, receiverPort, receiver.sampleBody(), receiver, n, slots);
            }
            List<Double> airalert = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            List<Long> publishMillis = new ArrayList<>();
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                long[] publishMs = new long[1];
                airalert.add(airalertRound(http, base, publisher, receiver, n, publishMs));
                publishMillis.add(publishMs[0]);
                baseline.add(baselineRound(plain, receiverPort, receiver.sampleBody(), receiver, n, slots));
            }
            double airalertSeconds = median(airalert);
            double baselineSeconds = median(baseline);
            double rate = n / airalertSeconds;
            double baseRate = n / baselineSeconds;
            System.out.printf("publish answered 201 in %s ms (fan-out runs after the commit)%n", publishMillis);
            System.out.printf("airalert: %d signed deliveries, last received after the 201, per round: %s s%n",
                    n, seconds(airalert));
            System.out.printf("baseline: %d plain POSTs, same body and concurrency (%d), per round: %s s%n",
                    n, concurrency, seconds(baseline));
            System.out.printf("airalert median %.2f s: %.0f/s; baseline median %.2f s: %.0f/s%n",
                    airalertSeconds, rate, baselineSeconds, baseRate);
            System.out.printf("ratio airalert/baseline: %.2f (target >= 0.50); median within 2 s: %s%n",
                    rate / baseRate, airalertSeconds <= 2.0 ? "yes" : "no");
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
            receiver.stop();
        }
        System.exit(0);
    }

    static final String LOG = "target/bench-app.log";
    static final int WARMUP_ROUNDS = 5;
    static final int MEASURED_ROUNDS = 5;

    static double airalertRound(HttpClient http, String base, String publisher, Receiver receiver, int n)
            throws Exception {
        return airalertRound(http, base, publisher, receiver, n, new long[1]);
    }

    /** Publishes one alert; seconds from the 201 until the receiver has every signed delivery. */
    static double airalertRound(HttpClient http, String base, String publisher, Receiver receiver, int n,
            long[] publishMs) throws Exception {
        receiver.expect(n, true);
        long t0 = System.nanoTime();
        HttpResponse<String> published = publish(http, base, publisher);
        long t201 = System.nanoTime();
        publishMs[0] = (t201 - t0) / 1_000_000;
        if (published.statusCode() != 201) {
            throw new IllegalStateException("publish answered " + published.statusCode() + ": " + published.body());
        }
        if (!receiver.await(120)) {
            throw new IllegalStateException("only " + receiver.count() + " of " + n + " deliveries arrived");
        }
        return (receiver.lastAt() - t201) / 1e9;
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

    static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format("%.2f", v)).toList().toString();
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
