package dev.airalert.region;

import dev.airalert.StartupHeap;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapValidator;
import dev.airalert.cap.CapXmlReader;
import dev.airalert.web.FieldError;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Runs what an alert with polygons runs (reading the CAP XML, checking it, finding the regions
 * its polygons cover), and the lookup of a point, on alerts and points made of the service's own hromadas, one per oblast with a
 * polygon for each of its hromadas, on the gazetteer's thread after the start, so that the
 * first such alert finds that code compiled. Measured without it, the first sixty
 * resolutions of a 69-polygon alert took 5 to 17 ms each, the later ones 2.3 ms: the JIT
 * compiles a method only after it has run some thousand times, and compiles it again when a
 * case it has not seen comes (a larger polygon, areas that together cover a raion); with it,
 * the first took 3.0 to 3.7 ms. Nothing is stored and nothing leaves the process; the results
 * are dropped.
 *
 * <p>It runs on one thread without rest (about 2 s on two cores; the other core serves) and
 * stops as soon as a publisher's alert has been resolved. Its garbage makes G1 grow the heap;
 * when it is done, {@link StartupHeap#trim()} gives that back.
 */
final class ShapeWarmUp {

    private static final Logger LOG = Logger.getLogger(ShapeWarmUp.class);
    /** Polygons resolved at least: three rounds of the country's hromadas (2,000 of a less varied kind were too few). */
    private static final int POLYGONS = 3_000;
    /** Points of a polygon at most, about as many as the outlines publishers draw of a hromada. */
    private static final int POINTS = 120;
    private static final long COMPILING_AT_MOST_MS = 10_000;
    private static final long POLL_MS = 50;
    /** Idle for 150 ms: the compiler threads have nothing left from the warm-up. */
    private static final int IDLE_POLLS = 3;

    private ShapeWarmUp() {
    }

    static void run(Gazetteer gazetteer, GazetteerData data) {
        try {
            warm(gazetteer, data);
        } catch (RuntimeException e) {
            // Only the first alerts are slower without it: the service runs on.
            LOG.warnf(e, "Warm-up of the shapes failed; the first alerts with polygons may take longer");
        }
    }

    private static void warm(Gazetteer gazetteer, GazetteerData data) {
        long start = System.nanoTime();
        List<byte[]> alerts = alerts(data);
        RegionResolver resolver = new RegionResolver(gazetteer, true);
        int polygons = 0;
        int regions = 0;
        while (polygons < POLYGONS && !alerts.isEmpty()) {
            for (byte[] xml : alerts) {
                if (gazetteer.atWork()) {
                    // Real alerts have come: they do the warming now, and the warm-up's CPU is theirs.
                    LOG.debugf("Warm-up of the shapes stopped after %d polygons: alerts are coming", polygons);
                    return;
                }
                CapAlert alert = CapXmlReader.read(xml).get(0).alert();
                List<FieldError> refused = CapValidator.validate(alert);
                if (!refused.isEmpty()) {
                    // Not with the built-in outlines (tested); the service runs on, only its first alerts slower.
                    LOG.infof("Warm-up of the shapes stopped: %s refused: %s", alert.identifier(), refused);
                    return;
                }
                regions += resolver.resolve(alert).partialByRegion().size();
                polygons += alert.info().get(0).area().size();
            }
        }
        // And the point lookups (a subscription's or a history query's point): each hromada's centre.
        for (Region region : data.all()) {
            if (region.kind() == RegionKind.HROMADA && region.centre() != null) {
                regions += data.containing(region.centre()).size();
            }
        }
        if (!gazetteer.atWork()) {
            // The start's work is done: what the collector grew the heap to for it goes back.
            StartupHeap.trim();
        }
        long ran = System.nanoTime();
        awaitCompiled();
        LOG.debugf("Shapes warmed in %.0f ms (%d polygons, %d regions covered), then compiled in %.0f ms",
                (ran - start) / 1e6, polygons, regions, (System.nanoTime() - ran) / 1e6);
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

    /** One CAP alert per oblast, an area with a polygon for each of its hromadas. */
    static List<byte[]> alerts(GazetteerData data) {
        Map<String, List<Region>> byOblast = new LinkedHashMap<>();
        for (Region region : data.all()) {
            if (region.kind() == RegionKind.HROMADA && region.boundary() != null) {
                // Its parent, the parent's parent, and so on up to the country: the one below the country.
                List<String> above = data.ancestors(region.code());
                if (above.size() >= 2) {
                    byOblast.computeIfAbsent(above.get(above.size() - 2), k -> new ArrayList<>()).add(region);
                }
            }
        }
        List<byte[]> alerts = new ArrayList<>();
        byOblast.forEach((oblast, hromadas) -> alerts.add(alert(oblast, hromadas).getBytes(StandardCharsets.UTF_8)));
        return alerts;
    }

    /** Five decimals, about a metre, as publishers write them: plain digits, never an exponent. */
    private static String decimal(double degrees) {
        return BigDecimal.valueOf(Math.round(degrees * 1e5), 5).toPlainString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String alert(String oblast, List<Region> hromadas) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>warm-up-""").append(escaped(oblast)).append("""
                </identifier>
                  <sender>warm-up@airalert.invalid</sender>
                  <sent>2025-01-01T06:00:00+02:00</sent>
                  <status>Exercise</status>
                  <msgType>Alert</msgType>
                  <scope>Private</scope>
                  <addresses>none</addresses>
                  <info>
                    <category>Security</category>
                    <event>air raid</event>
                    <urgency>Immediate</urgency>
                    <severity>Extreme</severity>
                    <certainty>Likely</certainty>
                    <headline>warm-up</headline>
                """);
        for (Region hromada : hromadas) {
            // The outline's points, every so many of them: about as many as publishers send.
            Coordinate[] ring = ((Polygon) hromada.boundary().getGeometryN(0)).getExteriorRing().getCoordinates();
            int step = Math.max(1, ring.length / POINTS);
            // The code as the area's description, escaped: an operator's region file may hold any text.
            xml.append("    <area><areaDesc>").append(escaped(hromada.code())).append("</areaDesc><polygon>");
            for (int i = 0; i < ring.length - 1; i += step) {
                xml.append(decimal(ring[i].y)).append(',').append(decimal(ring[i].x)).append(' ');
            }
            xml.append(decimal(ring[0].y)).append(',').append(decimal(ring[0].x)).append("</polygon></area>\n");
        }
        return xml.append("  </info>\n</alert>\n").toString();
    }
}
