import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Region resolution microbenchmarks, this tree's classes next to a baseline's: runs
 * bench/RegionResolveRun.java in a new JVM per run, K runs of each (default 3), alternating,
 * and compares the medians of what the runs measured (resolving a 69-area alert with
 * polygons, and point lookups). Each run is a fresh JVM, so its first resolution is a cold
 * one, as after a start of the service. Run by bench/region-resolve.sh:
 *
 *   java -cp target/bench RegionResolveBench <runs> <resolutions> <points> <baseline-package-dir> <baseline-name>
 */
public class RegionResolveBench {

    /** The measures each run reports, as they are named in its result line, and what to call them. */
    private static final Map<String, String> MEASURES = measures();
    private static final Path LOG = Path.of("target/bench-region-resolve.log");

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String resolutions = args[1];
        String points = args[2];
        String baselineName = "baseline " + args[4];
        List<Map<String, Double>> ours = new ArrayList<>();
        List<Map<String, Double>> theirs = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            boolean currentFirst = run % 2 == 0;
            for (boolean isCurrent : new boolean[] {currentFirst, !currentFirst}) {
                String name = isCurrent ? "this tree" : baselineName;
                System.out.printf("run %d, %s:%n", run + 1, name);
                (isCurrent ? ours : theirs).add(run(isCurrent ? Path.of("target") : Path.of(args[3]),
                        resolutions, points));
            }
        }
        System.out.printf("%nmedians of %d runs        %12s %14s %8s%n", runs, "this tree", "baseline", "ratio");
        MEASURES.forEach((key, label) -> {
            double mine = BenchStats.median(ours.stream().map(m -> m.get(key)).toList());
            double base = BenchStats.median(theirs.stream().map(m -> m.get(key)).toList());
            System.out.printf("%-26s %12.2f %14.2f %8.2f%n", label, mine, base, mine / base);
        });
        System.out.println("targets: resolution p99 < 5,000 us; point lookup < 50 us");
    }

    private static Map<String, String> measures() {
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put("load-ms", "gazetteer loaded (ms)");
        measures.put("warm-ms", "then warmed (ms)");
        measures.put("first-us", "first resolution (us)");
        measures.put("p50-us", "resolution p50 (us)");
        measures.put("p99-us", "resolution p99 (us)");
        measures.put("max-us", "resolution max (us)");
        measures.put("mean-us", "resolution mean (us)");
        measures.put("cpu-mean-us", "resolution CPU mean (us)");
        measures.put("point-first-us", "first point lookup (us)");
        measures.put("point-p50-us", "point lookup p50 (us)");
        measures.put("point-p99-us", "point lookup p99 (us)");
        measures.put("point-max-us", "point lookup max (us)");
        measures.put("point-mean-us", "point lookup mean (us)");
        measures.put("point-cpu-mean-us", "point lookup CPU mean (us)");
        return measures;
    }

    /** One run in a JVM of its own on the package's classes; prints its report, returns its result line. */
    static Map<String, Double> run(Path packageParent, String resolutions, String points) throws Exception {
        Path app = packageParent.resolve("quarkus-app");
        String classPath = String.join(":", "target/bench", app.resolve("lib/boot/*").toString(),
                app.resolve("lib/main/*").toString(), app.resolve("app/*").toString());
        // Its log (the gazetteer's) goes to a file, shown only if the run fails.
        Process process = new ProcessBuilder(BenchApp.java(), "-cp", classPath, "RegionResolveRun", resolutions, points)
                .redirectError(LOG.toFile()).start();
        Map<String, Double> result = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("result ")) {
                    for (String pair : line.substring("result ".length()).split(" ")) {
                        String[] keyValue = pair.split("=");
                        result.put(keyValue[0], Double.parseDouble(keyValue[1]));
                    }
                } else {
                    System.out.println("  " + line);
                }
            }
        }
        if (process.waitFor() != 0 || !result.keySet().containsAll(MEASURES.keySet())) {
            throw new IllegalStateException("the run failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(LOG));
        }
        return result;
    }
}
