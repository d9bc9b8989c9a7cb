import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapValidator;
import dev.airalert.cap.CapXmlReader;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.LatLon;
import dev.airalert.region.Region;
import dev.airalert.region.RegionResolver;
import dev.airalert.region.Resolution;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;

/**
 * One run of the region benchmarks, in the JVM it is started in, against the classes on its
 * class path (this tree's package or a baseline's): the gazetteer as the service builds it
 * (the built-in regions only; loaded, and warmed where it warms itself), then (a) resolving one alert of 69 areas, each the polygon of a
 * hromada of Kyiv oblast (bench/kyiv-oblast-hromadas.xml), R times in a row (or as many as
 * 20 s allow), the first included and also shown alone; (b) {@code Gazetteer.containing} for P seeded random points
 * inside Ukraine. Nothing runs before the measured calls but loading the gazetteer and reading
 * the alert. The gazetteer's and the resolver's constructors are the service's own, reached
 * by reflection (they are for the container to call). Prints what it measured, then one line
 * {@code result ...} for bench/RegionResolveBench.java to read:
 *
 *   java -cp "target/bench:<package>/lib/boot/*:<package>/lib/main/*:<package>/app/*" RegionResolveRun <resolutions> <points>
 */
public class RegionResolveRun {

    /** The points are the same on both sides as long as the country's outline is. */
    private static final long POINT_SEED = 1;
    /** Resolutions stop after this long even when fewer than asked for were done. */
    private static final long RESOLVING_AT_MOST_NANOS = 20_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The gazetteer's loading thread, where it loads on one (the previous release loads in its constructor). */
    private static final String REGIONS_LOADER = "airalert-regions";

    /**
     * The time of each call in order, and the measuring thread's CPU time per call over all of
     * them: unlike the times of single calls, that hardly moves when other work shares the machine.
     */
    record Timings(long[] nanos, double cpuMeanNanos) {
    }

    public static void main(String[] args) throws Exception {
        int resolutions = Integer.parseInt(args[0]);
        int pointCount = Integer.parseInt(args[1]);

        long t0 = System.nanoTime();
        Gazetteer gazetteer = construct(Gazetteer.class, List.class, List.of());
        // A gazetteer that loads on a thread of its own answers once it has loaded.
        int regions = gazetteer.all().size();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        // It then warms its shapes on that thread; a first alert some seconds after the start
        // finds that done, so the resolutions here start once it is.
        double warmMs = awaitThread(REGIONS_LOADER);
        RegionResolver resolver = construct(RegionResolver.class, Gazetteer.class, gazetteer);
        System.out.printf("gazetteer: %d regions, loaded in %.0f ms, then warmed in %.0f ms%n", regions, loadMs, warmMs);

        Timings resolving = resolutions(resolver, alert(), resolutions);
        Timings pointing = points(gazetteer, pointCount);

        long[] r = BenchStats.sorted(resolving.nanos());
        long[] p = BenchStats.sorted(pointing.nanos());
        System.out.printf(Locale.ROOT, "result load-ms=%.1f warm-ms=%.1f first-us=%.1f p50-us=%.1f p99-us=%.1f max-us=%.1f mean-us=%.1f"
                + " cpu-mean-us=%.1f point-first-us=%.2f point-p50-us=%.2f point-p99-us=%.2f point-max-us=%.2f"
                + " point-mean-us=%.2f point-cpu-mean-us=%.2f%n",
                loadMs, warmMs, resolving.nanos()[0] / 1e3, BenchStats.percentile(r, 0.5) / 1e3,
                BenchStats.percentile(r, 0.99) / 1e3, r[r.length - 1] / 1e3, BenchStats.mean(r) / 1e3,
                resolving.cpuMeanNanos() / 1e3, pointing.nanos()[0] / 1e3, BenchStats.percentile(p, 0.5) / 1e3,
                BenchStats.percentile(p, 0.99) / 1e3, p[p.length - 1] / 1e3, BenchStats.mean(p) / 1e3,
                pointing.cpuMeanNanos() / 1e3);
    }

    /** bench/kyiv-oblast-hromadas.xml read as the service reads it, and checked that the service accepts it. */
    static CapAlert alert() throws Exception {
        String xml = Files.readString(Path.of("bench/kyiv-oblast-hromadas.xml")).replace("IDENTIFIER", "bench-kyiv-oblast")
                .replace("SENT", "2025-01-01T06:00:00+02:00").replace("EXPIRES", "2025-01-01T18:00:00+02:00");
        CapAlert alert = CapXmlReader.read(xml.getBytes(StandardCharsets.UTF_8)).get(0).alert();
        List<?> refusals = CapValidator.validate(alert);
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("the service would refuse the alert: " + refusals);
        }
        return alert;
    }

    /** Each resolution, in order: n of them, or as many as fit in RESOLVING_AT_MOST_NANOS. */
    static Timings resolutions(RegionResolver resolver, CapAlert alert, int most) {
        long[] nanos = new long[most];
        Resolution last = null;
        int n = 0;
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        for (long begin = System.nanoTime(); n < most && System.nanoTime() - begin < RESOLVING_AT_MOST_NANOS; n++) {
            long start = System.nanoTime();
            last = resolver.resolve(alert);
            nanos[n] = System.nanoTime() - start;
        }
        double cpuMean = (double) (THREADS.getCurrentThreadCpuTime() - cpu0) / n;
        nanos = Arrays.copyOf(nanos, n);
        Map<String, Integer> rules = new TreeMap<>();
        last.areas().forEach(a -> rules.merge(a.rule().toString(), 1, Integer::sum));
        long partial = last.partialByRegion().values().stream().filter(b -> b).count();
        System.out.printf(Locale.ROOT, "(a) %d areas resolved by %s to %d regions (%d in part), e.g. %s%n",
                last.areas().size(), rules, last.partialByRegion().size(), partial,
                last.partialByRegion().keySet().stream().limit(6).toList());
        long[] sorted = BenchStats.sorted(nanos);
        System.out.printf(Locale.ROOT, "    %d resolutions: first %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms"
                + " (CPU %.2f ms; target p99 < 5 ms)%n", n, nanos[0] / 1e6, BenchStats.percentile(sorted, 0.5) / 1e6,
                BenchStats.percentile(sorted, 0.99) / 1e6, sorted[n - 1] / 1e6, BenchStats.mean(sorted) / 1e6,
                cpuMean / 1e6);
        return new Timings(nanos, cpuMean);
    }

    /** Each point lookup, in order, over seeded random points inside the country. */
    static Timings points(Gazetteer gazetteer, int n) {
        Region ukraine = gazetteer.byCode("UA").orElseThrow();
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(ukraine.boundary());
        Envelope box = ukraine.boundary().getEnvelopeInternal();
        Random random = new Random(POINT_SEED);
        LatLon[] points = new LatLon[n];
        for (int i = 0; i < n;) {
            Coordinate c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            if (inside.locate(c) != Location.EXTERIOR) {
                points[i++] = new LatLon(c.y, c.x);
            }
        }
        long[] nanos = new long[n];
        long found = 0;
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            List<Region> containing = gazetteer.containing(points[i]);
            nanos[i] = System.nanoTime() - start;
            found += containing.size();
        }
        double cpuMean = (double) (THREADS.getCurrentThreadCpuTime() - cpu0) / n;
        long[] sorted = BenchStats.sorted(nanos);
        System.out.printf(Locale.ROOT, "(b) %d points inside Ukraine, %.2f regions each on average: first %.1f us, p50 %.1f us,"
                + " p99 %.1f us, max %.1f us, mean %.1f us (CPU %.1f us; target < 50 us)%n", n, (double) found / n,
                nanos[0] / 1e3, BenchStats.percentile(sorted, 0.5) / 1e3, BenchStats.percentile(sorted, 0.99) / 1e3,
                sorted[n - 1] / 1e3, BenchStats.mean(sorted) / 1e3, cpuMean / 1e3);
        return new Timings(nanos, cpuMean);
    }

    /** Waits for the thread of this name to end, if there is one; the milliseconds waited. */
    static double awaitThread(String name) throws InterruptedException {
        long t0 = System.nanoTime();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                thread.join();
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    static <T> T construct(Class<T> type, Class<?> parameter, Object argument) throws Exception {
        Constructor<T> constructor = type.getDeclaredConstructor(parameter);
        constructor.setAccessible(true);
        return constructor.newInstance(argument);
    }
}
