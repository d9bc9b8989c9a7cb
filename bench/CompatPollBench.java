import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pollers of the compatible APIs: N concurrent clients (200), each with a reader key of its
 * own, asking one endpoint again as soon as it has its answer, for a few seconds; requests/s and
 * p99 latency. Next to them, in the same run and the same service, the same clients asking for a
 * static file of about the same size, which the same HTTP stack (Quarkus on Vert.x) serves from
 * the application: the baseline. Phases alternate (static, endpoint, static, endpoint...) so the
 * machine's drift falls on both; the first phase is counted as it comes, with no warm-up.
 *
 * Arguments: JDBC URL, pollers, seconds per phase, rounds.
 */
public final class CompatPollBench {

    static final List<String> STATIC = List.of("/js/dom.js", "/js/api.js", "/js/regions.js", "/js/status.js",
            "/js/cards.js", "/js/map.js", "/app.css", "/js/i18n.js");

    record Phase(String path, double perSecond, long p50Micros, long p99Micros, int errors, long bytes) {
    }

    public static void main(String[] args) throws Exception {
        String jdbc = args[0];
        int pollers = Integer.parseInt(args.length > 1 ? args[1] : "200");
        int seconds = Integer.parseInt(args.length > 2 ? args[2] : "8");
        int rounds = Integer.parseInt(args.length > 3 ? args[3] : "3");
        int port = BenchApp.freePort();
        String base = "http://127.0.0.1:" + port;
        String log = "target/bench-compat.log";
        // The per-key limit is not what is measured here: each poller has a key, and a generous limit.
        Process app = BenchApp.start(jdbc, port, log, Map.of("AIRALERT_COMPAT_REQUESTS_PER_MINUTE", "100000000"));
        BenchApp.stopOnExit(app);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        BenchApp.waitReady(http, base, log);
        String publisher = BenchApp.createPublisherKey(http, base);
        // What a busy night looks like: alerts in force on several oblasts and hromadas.
        int published = 0;
        for (String region : List.of("UA-30", "UA-32", "UA-18", "UA-59", "UA-63", "UA-71", "UA-74", "UA-53")) {
            String alert = BenchApp.kyivAlert("bench-compat-" + region).replace("UA-30", region);
            published += http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                    .header("authorization", "Bearer " + publisher).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(alert)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 201 ? 1 : 0;
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < pollers; i++) {
            String response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys"))
                    .header("authorization", "Bearer " + BenchApp.ADMIN_KEY).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"poller " + i + "\", \"holder\": \"bench\","
                            + " \"roles\": [\"reader\"]}")).build(), HttpResponse.BodyHandlers.ofString()).body();
            keys.add(response.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1"));
        }
        List<String> endpoints = List.of("/v1/iot/active_air_raid_alerts_by_oblast.json", "/api/v3/alerts");
        Map<String, String> baselineOf = new java.util.LinkedHashMap<>();
        for (String endpoint : endpoints) {
            int size = http.send(HttpRequest.newBuilder(URI.create(base + endpoint)).header("authorization", keys.get(0))
                    .build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
            String closest = STATIC.get(0);
            long closestSize = Long.MAX_VALUE;
            for (String file : STATIC) {
                long fileSize = http.send(HttpRequest.newBuilder(URI.create(base + file)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body().length;
                if (Math.abs(fileSize - size) < Math.abs(closestSize - size)) {
                    closest = file;
                    closestSize = fileSize;
                }
            }
            baselineOf.put(endpoint, closest);
            System.out.printf("%s: %d bytes; baseline %s, %d bytes%n", endpoint, size, closest, closestSize);
        }
        System.out.printf("%d alerts in force, %d pollers, %d s a phase, %d rounds%n", published, pollers, seconds, rounds);

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(pollers));
        Map<String, List<Phase>> results = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String endpoint : endpoints) {
                List<String> order = round % 2 == 0 ? List.of(baselineOf.get(endpoint), endpoint)
                        : List.of(endpoint, baselineOf.get(endpoint));
                for (String path : order) {
                    Phase phase = poll(client, port, path, keys, seconds);
                    results.computeIfAbsent(path + " (for " + endpoint + ")", k -> new ArrayList<>()).add(phase);
                    System.out.printf("round %d %-48s %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d%n", round + 1,
                            path, phase.perSecond(), phase.p50Micros() / 1000.0, phase.p99Micros() / 1000.0, phase.errors());
                }
            }
        }
        System.out.println();
        for (String endpoint : endpoints) {
            List<Phase> served = results.get(endpoint + " (for " + endpoint + ")");
            List<Phase> baseline = results.get(baselineOf.get(endpoint) + " (for " + endpoint + ")");
            double rate = BenchStats.median(served.stream().map(Phase::perSecond).toList());
            double baseRate = BenchStats.median(baseline.stream().map(Phase::perSecond).toList());
            double p99 = BenchStats.median(served.stream().map(p -> p.p99Micros() / 1000.0).toList());
            double baseP99 = BenchStats.median(baseline.stream().map(p -> p.p99Micros() / 1000.0).toList());
            System.out.printf("%s: %.0f req/s, p99 %.1f ms; static %s: %.0f req/s, p99 %.1f ms; ratio %.2f (target 0.5)%n",
                    endpoint, rate, p99, baselineOf.get(endpoint), baseRate, baseP99, rate / baseRate);
        }
        double cpu = BenchApp.cpuSeconds(app);
        System.out.printf("service CPU over the whole run: %.1f s%n", cpu);
        client.close();
        vertx.close();
        app.destroy();
        app.waitFor(10, TimeUnit.SECONDS);
    }

    /** N pollers on one path for this long: each asks again as soon as it has its answer. */
    static Phase poll(HttpClient client, int port, String path, List<String> keys, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (String key : keys) {
            CompletableFuture<Void> finished = new CompletableFuture<>();
            done.add(finished);
            next(client, port, path, key, end, latencies, errors, bytes, finished);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] sorted = BenchStats.sorted(latencies.stream().mapToLong(Long::longValue).toArray());
        return new Phase(path, sorted.length / elapsed, BenchStats.percentile(sorted, 0.5),
                BenchStats.percentile(sorted, 0.99), errors.get(), bytes.get());
    }

    private static void next(HttpClient client, int port, String path, String key, long end,
            ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors, AtomicLong bytes,
            CompletableFuture<Void> finished) {
        if (System.nanoTime() >= end) {
            finished.complete(null);
            return;
        }
        long sent = System.nanoTime();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                .setURI(path).putHeader("authorization", key);
        client.request(request).compose(r -> r.send()).compose(response -> response.body().map(body -> {
            if (response.statusCode() != 200) {
                errors.incrementAndGet();
            }
            bytes.addAndGet(body.length());
            return body;
        })).onComplete(result -> {
            if (result.failed()) {
                errors.incrementAndGet();
            } else {
                latencies.add((System.nanoTime() - sent) / 1000);
            }
            next(client, port, path, key, end, latencies, errors, bytes, finished);
        });
    }
}
