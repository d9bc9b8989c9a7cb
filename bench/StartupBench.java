import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Start-up benchmark of the embedded package (H2 in files, no broker) as people run it (the
 * README's {@code java} command, with the JVM options its release's README gives): the time from starting
 * the process to the first 200 from the readiness check (and the CPU time it used until then),
 * and its resident memory (VmRSS) five seconds later. Each start is in a new empty data directory, so every start creates its
 * database and keys, as a first start does. This tree's package starts from the project directory with the jar's relative
 * path, as its README says (its class archive serves only that command), the data directory given by AIRALERT_DATA_DIR;
 * the baseline's, whose database was always ./data, starts inside its new directory. This tree's package and a baseline's start in turn, first
 * one then the other, and every start counts: there is no warm-up to discard. Run by
 * bench/startup.sh:
 *
 *   java -cp target/bench StartupBench <starts> <package-dir> <baseline-package-dir> <baseline-name> \
 *       <this tree's JVM options> <the baseline's JVM options>
 *
 * (each a single argument, the options separated by spaces).
 */
public class StartupBench {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    private static final Duration RSS_AFTER = Duration.ofSeconds(5);

    /**
     * One start: seconds to ready, CPU seconds the process used until then, MB resident after
     * RSS_AFTER, and what Quarkus logged as its start time.
     */
    record Start(double readySeconds, double cpuSeconds, double rssMb, double quarkusSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int starts = Integer.parseInt(args[0]);
        Path current = Path.of(args[1]);
        Path baseline = Path.of(args[2]).toAbsolutePath();
        String baselineName = "baseline " + args[3];
        List<String> options = List.of(args[4].trim().split("\\s+"));
        List<String> baselineOptions = List.of(args[5].trim().split("\\s+"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        List<Start> ours = new ArrayList<>();
        List<Start> theirs = new ArrayList<>();
        System.out.printf("%d starts each, alternating; RSS %d s after ready%n", starts, RSS_AFTER.toSeconds());
        System.out.printf("this tree: java %s -jar ...; baseline: java %s -jar ...%n",
                String.join(" ", options), String.join(" ", baselineOptions));
        for (int i = 0; i < starts; i++) {
            // Which goes first alternates too, so that neither always follows the other.
            boolean currentFirst = i % 2 == 0;
            for (boolean isCurrent : new boolean[] {currentFirst, !currentFirst}) {
                Start start = isCurrent ? start(http, current, options, true) : start(http, baseline, baselineOptions, false);
                (isCurrent ? ours : theirs).add(start);
                System.out.printf("start %d %-18s ready %.2f s (CPU %.2f s), RSS %.0f MB (log: started in %.2f s)%n",
                        i + 1, isCurrent ? "this tree:" : baselineName + ":", start.readySeconds(), start.cpuSeconds(),
                        start.rssMb(), start.quarkusSeconds());
            }
        }
        report("this tree", ours);
        report(baselineName, theirs);
        double ready = median(ours, Start::readySeconds);
        double baseReady = median(theirs, Start::readySeconds);
        double rss = median(ours, Start::rssMb);
        double baseRss = median(theirs, Start::rssMb);
        System.out.printf("ready: %.2f s against %.2f s: %+.2f s, ratio %.2f (target at most +0.5 s)%n",
                ready, baseReady, ready - baseReady, ready / baseReady);
        System.out.printf("RSS:   %.0f MB against %.0f MB: %+.0f MB, ratio %.2f (target at most +40 MB)%n",
                rss, baseRss, rss - baseRss, rss / baseRss);
        double cpu = median(ours, Start::cpuSeconds);
        double baseCpu = median(theirs, Start::cpuSeconds);
        System.out.printf("CPU until ready: %.2f s against %.2f s: %+.2f s, ratio %.2f (times on a busy machine"
                + " stretch; CPU time much less)%n", cpu, baseCpu, cpu - baseCpu, cpu / baseCpu);
    }

    static void report(String name, List<Start> starts) {
        System.out.printf("%s: ready %s s, median %.2f s; CPU median %.2f s; RSS %s MB, median %.0f MB%n", name,
                BenchStats.list(starts.stream().map(Start::readySeconds).toList(), "%.2f"),
                median(starts, Start::readySeconds), median(starts, Start::cpuSeconds),
                BenchStats.list(starts.stream().map(Start::rssMb).toList(), "%.0f"), median(starts, Start::rssMb));
    }

    static double median(List<Start> starts, ToDoubleFunction<Start> value) {
        return BenchStats.median(starts.stream().map(value::applyAsDouble).toList());
    }

    /**
     * Starts the embedded package with a new empty data directory, measures it, stops it: from the
     * project directory (the jar's path as given) or from inside the new directory.
     */
    static Start start(HttpClient http, Path packageDir, List<String> options, boolean fromProject) throws Exception {
        Path dir = Files.createTempDirectory("airalert-startup");
        Path log = dir.resolve("app.log");
        int port = BenchApp.freePort();
        List<String> command = new ArrayList<>(List.of(BenchApp.java()));
        command.addAll(options);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar",
                packageDir.resolve("embedded/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(fromProject ? null : dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (fromProject) {
            pb.environment().put("AIRALERT_DATA_DIR", dir.resolve("data").toString());
        }
        long t0 = System.nanoTime();
        Process app = pb.start();
        BenchApp.stopOnExit(app);
        try {
            double ready = waitReady(http, port, app, log, t0);
            double cpu = BenchApp.cpuSeconds(app);
            Thread.sleep(RSS_AFTER.toMillis());
            double rss = rssMb(app.pid());
            Matcher started = STARTED_IN.matcher(Files.readString(log));
            return new Start(ready, cpu, rss, started.find() ? Double.parseDouble(started.group(1)) : Double.NaN);
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
            deleteTree(dir);
        }
    }

    /** Polls the readiness check every 10 ms; seconds from t0 to its first 200. */
    static double waitReady(HttpClient http, int port, Process app, Path log, long t0) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(120)) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!app.isAlive()) {
                throw new IllegalStateException("the service stopped while starting:\n" + Files.readString(log));
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the service was not ready within 120 s:\n" + Files.readString(log));
    }

    static double rssMb(long pid) throws IOException {
        Matcher rss = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        if (!rss.find()) {
            throw new IllegalStateException("no VmRSS for process " + pid);
        }
        return Long.parseLong(rss.group(1)) / 1024.0;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
