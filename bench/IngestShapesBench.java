import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest benchmark with area shapes: N CAP XML alerts (default 2,000) whose one area is a
 * polygon over Lviv and the villages around it (bench/lviv-alert.xml, moved by up to 3 km
 * north-south and 2 km east-west per alert, the same moves on both sides), published over HTTP with C requests in
 * flight (default 16); alerts per second from the first request to the last answer, and the
 * CPU time the service used meanwhile per alert. This
 * tree's production package and a baseline's run in turn, each started afresh on a new
 * scratch PostgreSQL database, and every run counts: the service is measured from its start,
 * cold. Run by bench/ingest-shapes.sh:
 *
 *   java -cp "target/bench:target/quarkus-app/lib/main/*" IngestShapesBench <alerts> <in-flight> <rounds>
 *       <postgres-jdbc-url-prefix> <database> <baseline-package-dir> <baseline-name>
 */
public class IngestShapesBench {

    private static final Pattern POLYGON = Pattern.compile("<polygon>([^<]*)</polygon>");
    private static final Pattern REGIONS = Pattern.compile("\"regions\":\\[[^\\]]*\\]");
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    /** How far each alert's polygon is moved at most, each way: 3 km north-south, 2 km east-west. */
    private static final double SHIFT_DEGREES = 0.027;

    /** One run: alerts a second, the service's CPU milliseconds per alert, the latencies of the publishes. */
    record Run(double rate, double cpuMsPerAlert, long[] latencyNanos, String firstRegions) {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int inFlight = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String jdbcPrefix = args[3];
        String database = args[4];
        String baseline = args[5];
        String baselineName = "baseline " + args[6];
        List<String> alerts = alerts(n, Files.readString(Path.of("bench/lviv-alert.xml")));
        System.out.printf("%d alerts with a polygon over Lviv (%d points), %d in flight, %d rounds%n", n,
                pointsOf(alerts.get(0)), inFlight, rounds);
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        List<Double> ourCpu = new ArrayList<>();
        List<Double> theirCpu = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean currentFirst = round % 2 == 0;
            for (boolean isCurrent : new boolean[] {currentFirst, !currentFirst}) {
                String name = isCurrent ? "this tree" : baselineName;
                recreate(jdbcPrefix, database);
                Run run = run(isCurrent ? "target/quarkus-app" : baseline + "/quarkus-app", jdbcPrefix + database,
                        alerts, inFlight, isCurrent ? "target/bench-ingest-shapes.log"
                                : "target/bench-ingest-shapes-baseline.log");
                (isCurrent ? ours : theirs).add(run.rate());
                (isCurrent ? ourCpu : theirCpu).add(run.cpuMsPerAlert());
                long[] sorted = BenchStats.sorted(run.latencyNanos());
                System.out.printf("round %d %-18s %.0f alerts/s, service CPU %.2f ms an alert; publish p50 %.0f ms,"
                        + " p99 %.0f ms, max %.0f ms; first alert: %s%n", round + 1, name + ":", run.rate(),
                        run.cpuMsPerAlert(),
                        BenchStats.percentile(sorted, 0.5) / 1e6, BenchStats.percentile(sorted, 0.99) / 1e6,
                        sorted[sorted.length - 1] / 1e6, run.firstRegions());
            }
        }
        double rate = BenchStats.median(ours);
        double baseRate = BenchStats.median(theirs);
        System.out.printf("this tree: %s alerts/s, median %.0f/s%n", BenchStats.list(ours, "%.0f"), rate);
        System.out.printf("%s: %s alerts/s, median %.0f/s%n", baselineName, BenchStats.list(theirs, "%.0f"), baseRate);
        System.out.printf("ratio this tree/baseline: %.2f (target at least 0.90)%n", rate / baseRate);
        double cpu = BenchStats.median(ourCpu);
        double baseCpu = BenchStats.median(theirCpu);
        System.out.printf("service CPU an alert, medians: %.2f ms against %.2f ms, ratio %.2f (times on a busy machine"
                + " stretch; CPU time much less)%n", cpu, baseCpu, cpu / baseCpu);
        System.exit(0);
    }

    /** The alerts to publish: the template with its polygon moved by a seeded amount each. */
    static List<String> alerts(int n, String template) {
        Matcher polygon = POLYGON.matcher(template);
        if (!polygon.find()) {
            throw new IllegalStateException("bench/lviv-alert.xml has no polygon");
        }
        String sent = OffsetDateTime.now().format(CAP_TIME);
        String expires = OffsetDateTime.now().plusHours(12).format(CAP_TIME);
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Random random = new Random(i);
            double dLat = (random.nextDouble() * 2 - 1) * SHIFT_DEGREES;
            double dLon = (random.nextDouble() * 2 - 1) * SHIFT_DEGREES;
            StringBuilder moved = new StringBuilder();
            for (String point : polygon.group(1).trim().split("\\s+")) {
                String[] latLon = point.split(",");
                moved.append(moved.length() == 0 ? "" : " ").append(String.format("%.5f,%.5f",
                        Double.parseDouble(latLon[0]) + dLat, Double.parseDouble(latLon[1]) + dLon));
            }
            String alert = template.substring(0, polygon.start(1)) + moved + template.substring(polygon.end(1));
            alerts.add(alert.replace("IDENTIFIER", "bench-lviv-" + i).replace("SENT", sent)
                    .replace("EXPIRES", expires));
        }
        return alerts;
    }

    static int pointsOf(String alert) {
        Matcher polygon = POLYGON.matcher(alert);
        return polygon.find() ? polygon.group(1).trim().split("\\s+").length : 0;
    }

    /** Drops and creates the scratch database, so that every run starts from an empty one. */
    static void recreate(String jdbcPrefix, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcPrefix + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
    }

    /** Starts the package, publishes every alert, stops it. */
    static Run run(String packageDir, String jdbcUrl, List<String> alerts, int inFlight, String log)
            throws Exception {
        int port = BenchApp.freePort();
        Process app = BenchApp.start(packageDir, jdbcUrl, port, log,
                Map.of("AIRALERT_SECURITY_PUBLISHES_PER_MINUTE", "1000000"));
        BenchApp.stopOnExit(app);
        ExecutorService clients = Executors.newFixedThreadPool(inFlight);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port;
            BenchApp.waitReady(http, base, log);
            String publisher = BenchApp.createPublisherKey(http, base);
            URI publish = URI.create(base + "/api/v1/alerts");
            long[] latencies = new long[alerts.size()];
            String[] firstBody = new String[1];
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            double cpu0 = BenchApp.cpuSeconds(app);
            long t0 = System.nanoTime();
            for (int c = 0; c < inFlight; c++) {
                workers.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < alerts.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(publish)
                                .header("authorization", "Bearer " + publisher)
                                .header("content-type", "application/cap+xml")
                                .POST(HttpRequest.BodyPublishers.ofString(alerts.get(i))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies[i] = System.nanoTime() - start;
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException("alert " + i + " answered " + response.statusCode()
                                    + ": " + response.body());
                        }
                        if (i == 0) {
                            firstBody[0] = response.body();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (BenchApp.cpuSeconds(app) - cpu0) * 1e3 / alerts.size();
            Matcher regions = REGIONS.matcher(firstBody[0]);
            return new Run(alerts.size() / seconds, cpuMs, latencies, regions.find() ? regions.group() : "?");
        } finally {
            clients.shutdownNow();
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
