import java.net.ServerSocket;
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

/**
 * The packaged service as the Java benchmarks start and use it: the production package on a
 * PostgreSQL database, with a known admin key; ready when its readiness check says so; a
 * publisher key that may publish as any sender; and the alert they publish, for Kyiv.
 * Compiled with the benchmarks by bench/lib.sh.
 */
final class BenchApp {

    static final String ADMIN_KEY = "bench-admin-key";

    private BenchApp() {
    }

    /**
     * Starts target/quarkus-app/quarkus-run.jar on the port against the database, with the
     * given settings as environment variables on top; its output goes to the log file.
     */
    static Process start(String jdbcUrl, int port, String log, Map<String, String> settings) throws Exception {
        return start("target/quarkus-app", jdbcUrl, port, log, settings);
    }

    /** The same with the production package in another directory (a baseline's). */
    static Process start(String packageDir, String jdbcUrl, int port, String log, Map<String, String> settings)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-Dquarkus.http.port=" + port));
        // BENCH_SERVICE_JAVA_OPTS: options for the service's JVM only, to profile it (a flight
        // recording, say) while a benchmark drives it.
        String options = System.getenv("BENCH_SERVICE_JAVA_OPTS");
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", Path.of(packageDir, "quarkus-run.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Path.of(log).toFile());
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("AIRALERT_ADMIN_KEY", ADMIN_KEY);
        env.putAll(settings);
        return pb.start();
    }

    /** Waits up to a minute for the readiness check; fails naming the service's log. */
    static void waitReady(HttpClient http, String base, String log) throws Exception {
        waitReady(http, base, log, 60);
    }

    /** The same, waiting up to this many seconds. */
    static void waitReady(HttpClient http, String base, String log, int seconds) throws Exception {
        for (int i = 0; i < seconds * 4; i++) {
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
        throw new IllegalStateException("airalert did not become ready within " + seconds + " s; see " + log);
    }

    /** A new publisher key for any sender; returns its secret. */
    static String createPublisherKey(HttpClient http, String base) throws Exception {
        return createPublisherKey(http, base, "bench", "*");
    }

    /** A new publisher key with this name that may publish as this sender (a pattern); returns its secret. */
    static String createPublisherKey(HttpClient http, String base, String name, String sender) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys"))
                .header("authorization", "Bearer " + ADMIN_KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"holder\": \"bench\", "
                        + "\"roles\": [\"publisher\"], \"senders\": [\"" + sender + "\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a key answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
    }

    /** bench/kyiv-alert.json (an air raid alert for Kyiv, in JSON) with this identifier, sent now. */
    static String kyivAlert(String identifier) throws Exception {
        return Files.readString(Path.of("bench/kyiv-alert.json")).replace("IDENTIFIER", identifier)
                .replace("SENT", OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")));
    }

    /**
     * Seconds of CPU the process has used so far, all its threads: unlike its times, this
     * hardly moves when other work shares the machine.
     */
    static double cpuSeconds(Process process) {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Stops the process when the benchmark is stopped (Ctrl-C, kill) before it could. */
    static void stopOnExit(Process process) {
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    }

    /** The java command of the JVM running the benchmark. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
