package dev.airalert.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends hostile requests to a running service and judges every answer: never a 5xx, always
 * within the deadline, every refusal a problem body naming its field. Used by the fuzz tests
 * and by {@code bench/fuzz-ingest.sh} ({@code main}: base URL, publisher key, count, seed).
 */
public final class FuzzRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run saw: answers per category and status, latencies, and every broken rule. */
    public record Report(Map<String, Map<Integer, Integer>> statuses, Map<String, List<Long>> millisByCategory,
            List<String> violations, List<String> slow) {

        public List<Long> millis() {
            return millisByCategory.values().stream().flatMap(List::stream).toList();
        }

        public long percentile(double p) {
            return percentile(millis(), p);
        }

        static long percentile(List<Long> millis, double p) {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.max(0, Math.min(sorted.size() - 1,
                    Math.ceil(p * sorted.size()) - 1)));
        }

        /**
         * Answers per category and status with latencies; then all hostile requests next to the
         * valid alerts of the same run (the baseline: what a real publisher meets meanwhile).
         */
        public String summary() {
            StringBuilder out = new StringBuilder(String.format("%-11s %8s %8s %8s  %s%n", "category", "p50 ms",
                    "p99 ms", "max ms", "answers by status"));
            statuses.forEach((category, byStatus) -> {
                List<Long> m = millisByCategory.getOrDefault(category, List.of());
                out.append(String.format("%-11s %8d %8d %8d  %s%n", category, percentile(m, 0.5), percentile(m, 0.99),
                        percentile(m, 1.0), byStatus));
            });
            List<Long> millis = millis();
            List<Long> hostile = millisByCategory.entrySet().stream().filter(e -> !e.getKey().equals("valid"))
                    .flatMap(e -> e.getValue().stream()).toList();
            List<Long> valid = millisByCategory.getOrDefault("valid", List.of());
            out.append(String.format("requests %d  p50 %d ms  p90 %d ms  p99 %d ms  max %d ms  over 2 s: %d%n",
                    millis.size(), percentile(0.5), percentile(0.9), percentile(0.99), percentile(1.0),
                    millis.stream().filter(m -> m > 2000).count()));
            out.append(String.format("hostile p99 %d ms, valid alerts p99 %d ms in the same run: ratio %.2f%n",
                    percentile(hostile, 0.99), percentile(valid, 0.99),
                    percentile(hostile, 0.99) / (double) Math.max(1, percentile(valid, 0.99))));
            slow.stream().limit(10).forEach(v -> out.append("  slow: ").append(v).append('\n'));
            out.append("violations: ").append(violations.size()).append('\n');
            violations.stream().limit(20).forEach(v -> out.append("  ").append(v).append('\n'));
            return out.toString();
        }
    }

    private FuzzRun() {
    }

    public static Report run(URI base, String key, HostileRequests requests, int count, int concurrency,
            Duration deadline) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
        Map<String, List<Long>> millis = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        List<String> slow = Collections.synchronizedList(new ArrayList<>());
        List<HostileRequests.Probe> probes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            probes.add(requests.next());
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < probes.size(); i = next.getAndIncrement()) {
                        judge(client, base, key, probes.get(i), i, deadline, statuses, millis, violations, slow);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Map<Integer, Integer>> sorted = new TreeMap<>();
        statuses.forEach((k, v) -> sorted.put(k, new TreeMap<>(v)));
        Map<String, List<Long>> millisByCategory = new TreeMap<>();
        millis.forEach((k, v) -> millisByCategory.put(k, List.copyOf(v)));
        return new Report(sorted, millisByCategory, List.copyOf(violations), List.copyOf(slow));
    }

    private static void judge(HttpClient client, URI base, String key, HostileRequests.Probe probe, int index,
            Duration deadline, Map<String, Map<Integer, Integer>> statuses, Map<String, List<Long>> millis,
            List<String> violations,
            List<String> slow) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(probe.path()))
                .timeout(deadline.plusSeconds(20)).header("Authorization", "Bearer " + key);
        if (probe.body() == null) {
            request.GET();
        } else {
            request.header("Content-Type", probe.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        }
        String what = "#" + index + " " + probe.category() + " " + probe.method() + " " + shortened(probe.path());
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            violations.add(what + ": no answer (" + e + ")");
            statuses.computeIfAbsent(probe.category(), c -> new ConcurrentHashMap<>()).merge(0, 1, Integer::sum);
            return;
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        millis.computeIfAbsent(probe.category(), c -> Collections.synchronizedList(new ArrayList<>())).add(took);
        int status = response.statusCode();
        statuses.computeIfAbsent(probe.category(), c -> new ConcurrentHashMap<>()).merge(status, 1, Integer::sum);
        if (took > 1000) {
            slow.add(what + ": " + status + " after " + took + " ms (" + (probe.body() == null ? 0 : probe.body().length) + " bytes)");
        }
        if (status >= 500) {
            violations.add(what + ": " + status + " " + shortened(response.body()));
        }
        if (took > deadline.toMillis()) {
            violations.add(what + ": answered after " + took + " ms, past the " + deadline.toMillis() + " ms deadline");
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                violations.add(what + ": " + status + " without a problem body (" + type + ")");
                return;
            }
            if (status != 401 && status != 404 && status != 429 && status < 500 && !namesAField(response.body())) {
                violations.add(what + ": " + status + " names no field: " + shortened(response.body()));
            }
        }
    }

    private static boolean namesAField(String body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return false;
            }
            for (JsonNode error : errors) {
                if (error.path("field").asText("").isBlank()) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String shortened(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** {@code FuzzRun <base URL> <publisher key> <count> [seed] [concurrency] [corpus dir]}: prints the report. */
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        Path corpus = Path.of(args.length > 5 ? args[5] : "../shared/cap-corpus");
        HostileRequests requests = new HostileRequests(seed, HostileRequests.validCorpus(corpus));
        Report report = run(URI.create(args[0]), args[1], requests, count, concurrency, Duration.ofSeconds(10));
        System.out.print(report.summary());
        System.exit(report.violations().isEmpty() ? 0 : 1);
    }
}
