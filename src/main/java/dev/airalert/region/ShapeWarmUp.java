package dev.airalert.region;

import dev.airalert.cap.CapGeometry;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Runs what an alert with polygons runs (reading and checking each polygon, making it a
 * shape, finding the regions it covers) on outlines of the service's own hromadas, on the
 * gazetteer's thread after the start, so that the first such alert finds that code compiled.
 * Measured without it, the first sixty resolutions of a 69-polygon alert took 5 to 17 ms
 * each, the later ones 2.4 ms: the JIT compiles a method only after it has run a few thousand
 * times. Nothing leaves the process; the results are dropped.
 */
final class ShapeWarmUp {

    private static final Logger LOG = Logger.getLogger(ShapeWarmUp.class);
    /** About as many polygons as publishers send for one oblast's hromadas. */
    private static final int OUTLINES = 70;
    /** Polygon resolutions: what the measurement above needed before the times settled, and more. */
    private static final int RESOLUTIONS = 8_000;
    /** Outlines simplified as publishers draw them: about a kilometre. */
    private static final double SIMPLIFIED_DEGREES = 0.01;
    private static final long COMPILING_AT_MOST_MS = 10_000;
    private static final long POLL_MS = 50;
    /** Idle for 150 ms: the compiler threads have nothing left from the warm-up. */
    private static final int IDLE_POLLS = 3;

    private ShapeWarmUp() {
    }

    static void run(GazetteerData data, GeometryFactory factory) {
        long start = System.nanoTime();
        List<String> polygons = polygons(data);
        if (polygons.isEmpty()) {
            return;
        }
        int covered = 0;
        for (int i = 0; i < RESOLUTIONS; i++) {
            String polygon = polygons.get(i % polygons.size());
            if (CapGeometry.polygonProblem(polygon) == null) {
                covered += data.touchedBy(CapShapes.polygon(polygon, factory)).size();
            }
        }
        long ran = System.nanoTime();
        awaitCompiled();
        LOG.debugf("Shapes warmed in %.0f ms (%d polygons, %d regions covered), then compiled in %.0f ms",
                (ran - start) / 1e6, RESOLUTIONS, covered, (System.nanoTime() - ran) / 1e6);
    }

    /**
     * Waits until the JIT has compiled what the warm-up queued: with two cores its queue takes
     * a few hundred milliseconds more, and until then the first alerts still run slower code.
     * Done when the compiler has been idle for a while, or after at most {@link #COMPILING_AT_MOST_MS}.
     */
    private static void awaitCompiled() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long giveUp = System.nanoTime() + COMPILING_AT_MOST_MS * 1_000_000;
        long compiled = compiler.getTotalCompilationTime();
        int idle = 0;
        while (idle < IDLE_POLLS && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = compiler.getTotalCompilationTime();
            idle = now == compiled ? idle + 1 : 0;
            compiled = now;
        }
    }

    /** Every so many hromadas' outlines as CAP polygons, spread over the country. */
    private static List<String> polygons(GazetteerData data) {
        List<Region> hromadas = data.all().stream()
                .filter(r -> r.kind() == RegionKind.HROMADA && r.boundary() != null).toList();
        List<String> polygons = new ArrayList<>();
        int step = Math.max(1, hromadas.size() / OUTLINES);
        for (int i = 0; i < hromadas.size(); i += step) {
            Geometry outline = TopologyPreservingSimplifier.simplify(hromadas.get(i).boundary(), SIMPLIFIED_DEGREES);
            if (outline.getNumGeometries() > 0) {
                polygons.add(capPolygon(outline.getGeometryN(0).getCoordinates()));
            }
        }
        return polygons;
    }

    private static String capPolygon(Coordinate[] ring) {
        StringBuilder text = new StringBuilder();
        for (Coordinate c : ring) {
            text.append(String.format(Locale.ROOT, "%.5f,%.5f ", c.y, c.x));
        }
        return text.toString().trim();
    }
}
