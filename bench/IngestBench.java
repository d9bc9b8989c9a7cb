import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest over HTTP next to PostgreSQL committing the same stored work. The service (the
 * production package, started afresh on an empty scratch database, measured from its start:
 * no warm-up round) publishes, in turn: the CAP XML notice bench/kyiv-notice.xml (2.5 KB, two
 * infos) with C requests in flight, the minimal JSON alert bench/kyiv-alert.json with C in
 * flight, and the JSON alert one request at a time; and between its phases pgbench runs the
 * frozen scripts bench/ingest-pgbench-xml.sql and bench/ingest-pgbench-json.sql (the rows and
 * sizes the service commits for each) at the same concurrency, and the JSON one on one
 * connection, on a copy of the same schema. R rounds (default 3); every phase's first request
 * counts. Prints every phase, the medians and the ratios. Run by bench/ingest.sh:
 *
 *   java -cp ... IngestBench <jdbc-url> <pgbench-database> <alerts> <in-flight> <serial-alerts> <rounds>
 */
public class IngestBench {

    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final int PGBENCH_SECONDS = 10;

    /** One phase of the service: alerts a second, latencies, and CPU milliseconds per alert. */
    record Phase(double rate, long[] latencyNanos, double cpuMsPerAlert) {
        double p(double q) {
            return BenchStats.percentile(BenchStats.sorted(latencyNanos), q) / 1e6;
        }
    }

    /** One pgbench run: transactions a second and the mean latency in milliseconds. */
    record PgBench(double tps, double latencyMs) {
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String pgDatabase = args[1];
        int n = Integer.parseInt(args[2]);
        int inFlight = Integer.parseInt(args[3]);
        int serial = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        String xmlTemplate = Files.readString(Path.of("bench/kyiv-notice.xml"));
        String jsonTemplate = Files.readString(Path.of("bench/kyiv-alert.json"));
        int port = BenchApp.freePort();
        String base = "http://127.0.0.1:" + port;
        String log = "target/bench-ingest.log";
        // The benchmark publishes far more than a key's default allowance a minute.
        Process app = BenchApp.start(jdbcUrl, port, log, Map.of("AIRALERT_SECURITY_PUBLISHES_PER_MINUTE", "100000000"));
        BenchApp.stopOnExit(app);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BenchApp.waitReady(http, base, log);
        String key = BenchApp.createPublisherKey(http, base);
        System.out.printf("CAP XML notice %d bytes, JSON alert %d bytes; %d alerts a phase, %d in flight; %d one at a"
                + " time; pgbench %d s a phase; %d rounds%n", xmlTemplate.getBytes().length,
                jsonTemplate.getBytes().length, n, inFlight, serial, PGBENCH_SECONDS, rounds);
        List<Double> xmlRates = new ArrayList<>();
        List<Double> jsonRates = new ArrayList<>();
        List<Double> serialP50 = new ArrayList<>();
        List<Double> pgXml = new ArrayList<>();
        List<Double> pgJson = new ArrayList<>();
        List<Double> pgSerial = new ArrayList<>();
        AtomicInteger ids = new AtomicInteger();
        for (int round = 1; round <= rounds; round++) {
            Phase xml = publish(http, base, key, app, xmlTemplate, "application/cap+xml", n, inFlight, ids);
            report(round, "airalert CAP XML, " + inFlight + " in flight", xml);
            xmlRates.add(xml.rate());
            PgBench pg = pgbench(pgDatabase, "bench/ingest-pgbench-xml.sql", inFlight);
            System.out.printf("round %d pgbench, XML's stored work, %d clients: %.0f/s, mean %.1f ms%n", round, inFlight,
                    pg.tps(), pg.latencyMs());
            pgXml.add(pg.tps());
            Phase json = publish(http, base, key, app, jsonTemplate, "application/json", n, inFlight, ids);
            report(round, "airalert JSON, " + inFlight + " in flight", json);
            jsonRates.add(json.rate());
            pg = pgbench(pgDatabase, "bench/ingest-pgbench-json.sql", inFlight);
            System.out.printf("round %d pgbench, JSON's stored work, %d clients: %.0f/s, mean %.1f ms%n", round,
                    inFlight, pg.tps(), pg.latencyMs());
            pgJson.add(pg.tps());
            Phase one = publish(http, base, key, app, jsonTemplate, "application/json", serial, 1, ids);
            report(round, "airalert JSON, one at a time", one);
            serialP50.add(one.p(0.5));
            pg = pgbench(pgDatabase, "bench/ingest-pgbench-json.sql", 1);
            System.out.printf("round %d pgbench, JSON's stored work, 1 client: %.0f/s, mean %.2f ms%n", round, pg.tps(),
                    pg.latencyMs());
            pgSerial.add(pg.latencyMs());
        }
        System.out.printf("%nmedians of %d rounds:%n", rounds);
        ratio("CAP XML, " + inFlight + " in flight", xmlRates, pgXml);
        ratio("JSON, " + inFlight + " in flight", jsonRates, pgJson);
        System.out.printf("one at a time: airalert p50 %.2f ms (target under 3 ms), pgbench mean %.2f ms%n",
                BenchStats.median(serialP50), BenchStats.median(pgSerial));
        app.destroy();
        System.exit(0);
    }

    private static void report(int round, String name, Phase phase) {
        System.out.printf("round %d %-32s %.0f alerts/s; latency p50 %.2f ms, p99 %.2f ms, first %.1f ms;"
                + " service CPU %.2f ms an alert%n", round, name + ":", phase.rate(), phase.p(0.5), phase.p(0.99),
                phase.latencyNanos()[0] / 1e6, phase.cpuMsPerAlert());
    }

    private static void ratio(String name, List<Double> ours, List<Double> theirs) {
        double rate = BenchStats.median(ours);
        double base = BenchStats.median(theirs);
        System.out.printf("%s: airalert %s/s (median %.0f), pgbench %s/s (median %.0f): %.2f x (target at least 0.5)%n",
                name, BenchStats.list(ours, "%.0f"), rate, BenchStats.list(theirs, "%.0f"), base, rate / base);
    }

    /** Publishes n alerts made from the template, c in flight; each must be answered 201. */
    static Phase publish(HttpClient http, String base, String key, Process app, String template, String type, int n,
            int c, AtomicInteger ids) throws Exception {
        String sent = OffsetDateTime.now().format(CAP_TIME);
        String expires = OffsetDateTime.now().plusHours(6).format(CAP_TIME);
        List<byte[]> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bodies.add(template.replace("IDENTIFIER", "bench-ingest-" + ids.incrementAndGet()).replace("SENT", sent)
                    .replace("EXPIRES", expires).getBytes());
        }
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(c);
        double cpuBefore = BenchApp.cpuSeconds(app);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < c; t++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                            .header("authorization", "Bearer " + key).header("content-type", type)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                    long sentAt = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - sentAt;
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("publish answered " + response.statusCode() + ": "
                                + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = BenchApp.cpuSeconds(app) - cpuBefore;
        clients.shutdown();
        return new Phase(n / seconds, latencies, cpu * 1000 / n);
    }

    /** pgbench running the script on the database with c clients for a fixed time. */
    static PgBench pgbench(String database, String script, int c) throws Exception {
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-h", env("PGHOST", "127.0.0.1"), "-p",
                env("PGPORT", "5432"), "-U", env("PGUSER", "postgres"), "-c", String.valueOf(c), "-j",
                String.valueOf(Math.min(c, 2)), "-T", String.valueOf(PGBENCH_SECONDS), "-M", "prepared", "-f", script,
                database));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        Matcher tps = TPS.matcher(out);
        Matcher latency = LATENCY.matcher(out);
        if (!tps.find() || !latency.find()) {
            throw new IllegalStateException("no figures in pgbench's output:\n" + out);
        }
        return new PgBench(Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)));
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? otherwise : value;
    }
}
