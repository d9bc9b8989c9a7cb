import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * History through HTTP on a loaded database (bench/history-http.sh): every query shape the API
 * documents, first alone (sequential requests, p50 and p99), then with C clients for S
 * seconds (p99 and rate), next to pgbench running the SQL the service sends for that shape
 * (bench/history-sql/&lt;shape&gt;.sql, its bound values as pgbench variables) with the same
 * number of clients for as long. The ratio is the service's p99 over pgbench's.
 */
public final class HistoryHttpBench {

    /** Requests per shape alone. */
    private static final int ALONE = 200;

    /** A shape: its name (and SQL file), the query string, the values its SQL binds. */
    private record Shape(String name, String query, Map<String, String> values) {
    }

    private HistoryHttpBench() {
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String db = args[1];
        int port = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String log = args[5];
        boolean jfr = args.length > 6 && args[6].equals("1");

        List<Shape> shapes = shapes(jdbcUrl);
        Map<String, String> settings = new LinkedHashMap<>();
        if (jfr) {
            settings.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename="
                    + Path.of("target/bench-history.jfr").toAbsolutePath() + ",settings=profile");
        }
        Process app = BenchApp.start(jdbcUrl, port, log, settings);
        BenchApp.stopOnExit(app);
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BenchApp.waitReady(http, base, log);

        // Every shape is asked 20 times before any is measured: a running service has its
        // code compiled; the first shape measured would otherwise pay for all of them.
        for (Shape shape : shapes) {
            for (int i = 0; i < 20; i++) {
                get(http, base, shape);
            }
        }
        System.out.printf("%d alerts; %d requests alone, then %d clients for %d s; pgbench -M prepared, same clients, same time%n",
                count(jdbcUrl), ALONE, clients, seconds);
        System.out.printf("%-22s %8s %8s %10s %8s %8s %10s %8s %6s  %s%n", "shape", "p50", "p99", "p99@" + clients,
                "req/s", "pg p50", "pg p99@" + clients, "pg tps", "ratio", "items");
        List<String> summary = new ArrayList<>();
        for (Shape shape : shapes) {
            long[] alone = new long[ALONE];
            int items = 0;
            for (int i = 0; i < ALONE; i++) {
                long t0 = System.nanoTime();
                String body = get(http, base, shape);
                alone[i] = System.nanoTime() - t0;
                if (i == 0) {
                    items = body.split("\"id\":\"", -1).length - 1;
                }
            }
            long[] sortedAlone = BenchStats.sorted(alone);
            Load concurrent = concurrent(base, shape, clients, seconds);
            Load pgAlone = pgbench(db, shape, 1, Math.max(2, seconds / 3));
            Load pg = pgbench(db, shape, clients, seconds);
            double ratio = concurrent.p99 / pg.p99;
            System.out.printf("%-22s %8.2f %8.2f %10.2f %8.0f %8.2f %10.2f %8.0f %6.2f  %d%n", shape.name,
                    ms(BenchStats.percentile(sortedAlone, 0.50)), ms(BenchStats.percentile(sortedAlone, 0.99)),
                    concurrent.p99, concurrent.rate, pgAlone.p50, pg.p99, pg.rate, ratio, items);
            summary.add(String.format("%s: alone p50 %.2f ms (target < 10: %s), p99 at %d %.2f ms vs pgbench %.2f ms, ratio %.2f (target <= 1.5: %s)",
                    shape.name, ms(BenchStats.percentile(sortedAlone, 0.50)),
                    ms(BenchStats.percentile(sortedAlone, 0.50)) < 10 ? "yes" : "NO", clients, concurrent.p99,
                    pg.p99, ratio, ratio <= 1.5 ? "yes" : "NO"));
        }
        System.out.println();
        summary.forEach(System.out::println);
        app.destroy();
        app.waitFor();
    }

    /** The documented shapes, with values taken from the loaded data. */
    private static List<Shape> shapes(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement()) {
            // 2,000 pages of 50 deep among what an anonymous reader sees.
            Instant deepSent;
            UUID deepId;
            try (ResultSet rs = s.executeQuery("SELECT sent_at, id FROM alert WHERE status = 'Actual'"
                    + " AND scope = 'Public' AND state NOT IN ('pending-approval', 'discarded')"
                    + " ORDER BY sent_at DESC, id DESC OFFSET 99999 LIMIT 1")) {
                rs.next();
                deepSent = rs.getObject(1, OffsetDateTime.class).toInstant();
                deepId = rs.getObject(2, UUID.class);
            }
            Instant newest;
            try (ResultSet rs = s.executeQuery("SELECT max(sent_at) FROM alert")) {
                rs.next();
                newest = rs.getObject(1, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.SECONDS);
            }
            String since = newest.minus(14, ChronoUnit.DAYS).toString();
            String until = newest.minus(7, ChronoUnit.DAYS).toString();
            String cursor = new dev.airalert.web.KeysetCursor(deepSent, deepId).encode();
            String sender = "oda.ua-46@alerts.gov.ua";
            return List.of(
                    new Shape("newest", "", Map.of()),
                    new Shape("deep-cursor", "cursor=" + cursor,
                            Map.of("cursorSent", pgTime(deepSent), "cursorId", deepId.toString())),
                    new Shape("region-city", "region=UA-30", Map.of()),
                    new Shape("region-oblast", "region=UA-46", Map.of()),
                    new Shape("region-active", "region=UA-30&active=true", Map.of()),
                    new Shape("event-severity", "event=chemical&severity=Severe", Map.of()),
                    new Shape("sender", "sender=" + enc(sender), Map.of()),
                    new Shape("region-week", "region=UA-30&since=" + enc(since) + "&until=" + enc(until),
                            Map.of("since", pgTime(Instant.parse(since)), "until", pgTime(Instant.parse(until)))),
                    new Shape("threat-level", "threat=missiles,ballistic&level=red", Map.of()),
                    new Shape("region-sev-lang", "region=UA-30&severity=Severe&lang=en", Map.of()),
                    new Shape("point", "point=50.45,30.52", Map.of()),
                    new Shape("urgency-msgtype", "urgency=Expected&certainty=Likely&msgType=Update", Map.of()));
        }
    }

    private static long count(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM alert")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String get(HttpClient http, String base, Shape shape) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(base + "/api/v1/alerts" + (shape.query.isEmpty() ? "" : "?" + shape.query))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(shape.name + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** p50 and p99 (ms) and rate (per s) of a load. */
    private record Load(double p50, double p99, double rate) {
    }

    /** C clients, each with its own connection, asking again as soon as they have an answer. */
    private static Load concurrent(String base, Shape shape, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> perClient = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] times = new long[200_000];
            perClient.add(times);
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                int n = 0;
                try {
                    while (System.nanoTime() < end && n < times.length - 1) {
                        long t0 = System.nanoTime();
                        get(http, base, shape);
                        times[++n] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                times[0] = n;
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(shape.name + ": " + failures.get() + " clients failed");
        }
        long[] all = perClient.stream().flatMapToLong(t -> java.util.Arrays.stream(t, 1, 1 + (int) t[0])).toArray();
        long[] sorted = BenchStats.sorted(all);
        return new Load(ms(BenchStats.percentile(sorted, 0.50)), ms(BenchStats.percentile(sorted, 0.99)),
                all.length / (double) seconds);
    }

    /** pgbench with the shape's SQL file; latencies from its per-transaction log. */
    private static Load pgbench(String db, Shape shape, int clients, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("pgbench");
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "--log",
                "--log-prefix=" + dir.resolve("log"), "-f", Path.of("bench/history-sql", shape.name + ".sql")
                        .toAbsolutePath().toString(),
                "-h", System.getenv().getOrDefault("PGHOST", "127.0.0.1"),
                "-p", System.getenv().getOrDefault("PGPORT", "5432"),
                "-U", System.getenv().getOrDefault("PGUSER", "postgres")));
        shape.values.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
        command.add(db);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + Files.readString(dir.resolve("out")));
        }
        long[] times;
        try (Stream<Path> logs = Files.list(dir)) {
            times = logs.filter(f -> f.getFileName().toString().startsWith("log")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).mapToLong(line -> Long.parseLong(line.split(" ")[2]) * 1000).toArray();
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.delete(dir);
        long[] sorted = BenchStats.sorted(times);
        return new Load(ms(BenchStats.percentile(sorted, 0.50)), ms(BenchStats.percentile(sorted, 0.99)),
                times.length / (double) seconds);
    }

    private static String pgTime(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
