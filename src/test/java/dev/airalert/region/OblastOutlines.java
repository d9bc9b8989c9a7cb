package dev.airalert.region;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlay.snap.GeometrySnapper;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Draws the gazetteer's outlines of Ukraine and its oblast-level regions from the raion and
 * hromada boundaries, so that an oblast's border is the outer border of its raions and two
 * neighbours share one line: an oblast (and Crimea, UA-43) is the union of its raions, Kyiv
 * (UA-30) and Sevastopol (UA-40) are their hromada features, and the country is the union of
 * them all with its inland waters (the reservoirs no hromada covers) filled. The result has
 * six decimals, like its sources, and is valid.
 *
 * <p>It rewrites the geometry of those features in {@code gazetteer.geojson} in place (one
 * feature a line; names, codes and every other property untouched). Run it from the project's
 * directory after a change to {@code raions.geojson} or {@code hromadas.geojson}:
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.airalert.region.OblastOutlines} (an argument names another regions
 * directory).
 */
public final class OblastOutlines {

    /** Six decimals of a degree: about ten centimetres, the precision of the sources. */
    static final PrecisionModel SIX_DECIMALS = new PrecisionModel(1e6);
    static final String COUNTRY = "UA";
    private static final String CRIMEA = "UA-43";
    private static final String SEVASTOPOL = "UA-40";
    private static final String KHERSON = "UA-65";
    /** Gaps between neighbours are far smaller than this (some 0.8 km²); lakes and reservoirs far larger. */
    private static final double SLIVER = 1e-4;
    /** Two grid steps: how near a neighbour's border a corner of Crimea's is taken into it. */
    private static final double SNAP = 2e-6;
    private static final Pattern FEATURE = Pattern.compile("^(\\{\"type\": \"Feature\", \"properties\": \\{\"code\": \"([^\"]+)\".*?, \"geometry\": )(\\{.*\\})(\\}\\s*,?)$");

    private OblastOutlines() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/regions");
        GeometryFactory factory = new GeometryFactory();
        Map<String, Geometry> outlines = outlines(read(dir.resolve("raions.geojson"), factory),
                read(dir.resolve("hromadas.geojson"), factory));
        Path gazetteer = dir.resolve("gazetteer.geojson");
        List<String> lines = Files.readAllLines(gazetteer, StandardCharsets.UTF_8);
        Files.write(gazetteer, rewrite(lines, outlines), StandardCharsets.UTF_8);
        outlines.forEach((code, shape) -> System.out.printf("%-6s %7d points%n", code, shape.getNumPoints()));
    }

    /** The outline of every oblast-level region of Ukraine, and of the country, by code. */
    static Map<String, Geometry> outlines(Collection<Region> raions, Collection<Region> hromadas) {
        Map<String, List<Geometry>> parts = new TreeMap<>();
        raions.forEach(r -> parts.computeIfAbsent(r.parent(), p -> new ArrayList<>()).add(r.boundary()));
        // Kyiv's and Sevastopol's hromadas are the cities themselves, with no raion between.
        hromadas.stream().filter(h -> h.parent() != null && h.parent().startsWith(COUNTRY + "-"))
                .forEach(h -> parts.computeIfAbsent(h.parent(), p -> new ArrayList<>()).add(h.boundary()));
        Map<String, Geometry> outlines = new TreeMap<>();
        parts.forEach((code, shapes) -> outlines.put(code, union(shapes)));
        fitCrimea(outlines);
        outlines.put(COUNTRY, withoutHoles(union(List.copyOf(outlines.values()))));
        return outlines;
    }

    /**
     * Crimea's raions come from a layer of their own (there are no hromada boundaries there)
     * and do not quite meet Sevastopol and Kherson Oblast: Crimea takes the slivers between
     * them and gives up what overlaps them, and the two take Crimea's corners where its border
     * with them ends, so that the three share their borders point for point.
     */
    private static void fitCrimea(Map<String, Geometry> outlines) {
        Geometry neighbours = union(List.of(outlines.get(SEVASTOPOL), outlines.get(KHERSON)));
        Geometry crimea = outlines.get(CRIMEA);
        Geometry gaps = smallHoles(union(List.of(crimea, neighbours)), crimea);
        Geometry fitted = GeometryPrecisionReducer.reduce(OverlayNGRobust.overlay(union(List.of(crimea, gaps)),
                neighbours, OverlayNG.DIFFERENCE), SIX_DECIMALS);
        outlines.put(CRIMEA, fitted);
        for (String neighbour : List.of(SEVASTOPOL, KHERSON)) {
            outlines.put(neighbour, new GeometrySnapper(outlines.get(neighbour)).snapTo(fitted, SNAP));
        }
    }

    /** The holes smaller than a sliver that touch this region: gaps left between it and its neighbours. */
    private static Geometry smallHoles(Geometry shape, Geometry touching) {
        List<Geometry> gaps = new ArrayList<>();
        for (int i = 0; i < shape.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) shape.getGeometryN(i);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                Polygon hole = shape.getFactory().createPolygon(polygon.getInteriorRingN(h).getCoordinates());
                if (hole.getArea() < SLIVER && hole.intersects(touching)) {
                    gaps.add(hole);
                }
            }
        }
        return shape.getFactory().buildGeometry(gaps);
    }

    /** The union of these shapes, at six decimals and valid. */
    static Geometry union(Collection<Geometry> shapes) {
        Geometry union = OverlayNGRobust.union(shapes);
        return GeometryPrecisionReducer.reduce(union, SIX_DECIMALS);
    }

    private static Geometry withoutHoles(Geometry shape) {
        List<Polygon> filled = new ArrayList<>();
        for (int i = 0; i < shape.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) shape.getGeometryN(i);
            filled.add(shape.getFactory().createPolygon(polygon.getExteriorRing().getCoordinates()));
        }
        return union(List.copyOf(filled));
    }

    /** The lines of gazetteer.geojson with the geometry of each feature that has an outline replaced. */
    static List<String> rewrite(List<String> lines, Map<String, Geometry> outlines) {
        List<String> result = new ArrayList<>(lines.size());
        List<String> missing = new ArrayList<>(outlines.keySet());
        for (String line : lines) {
            Matcher feature = FEATURE.matcher(line);
            if (feature.matches() && outlines.containsKey(feature.group(2))) {
                missing.remove(feature.group(2));
                result.add(feature.group(1) + geoJson(outlines.get(feature.group(2))) + feature.group(4));
            } else {
                result.add(line);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("gazetteer.geojson has no feature line for " + missing);
        }
        return result;
    }

    /** A Polygon or MultiPolygon as GeoJSON: exterior rings counter-clockwise, holes clockwise (RFC 7946). */
    static String geoJson(Geometry shape) {
        StringBuilder json = new StringBuilder();
        boolean multi = shape.getNumGeometries() > 1;
        json.append("{\"type\": \"").append(multi ? "MultiPolygon" : "Polygon").append("\", \"coordinates\": ");
        if (multi) {
            json.append('[');
        }
        for (int i = 0; i < shape.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) shape.getGeometryN(i);
            json.append(i > 0 ? ", [" : "[");
            ring(polygon.getExteriorRing(), true, json);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                json.append(", ");
                ring(polygon.getInteriorRingN(h), false, json);
            }
            json.append(']');
        }
        return json.append(multi ? "]}" : "}").toString();
    }

    private static void ring(LineString ring, boolean counterClockwise, StringBuilder json) {
        Coordinate[] points = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(points) != counterClockwise;
        json.append('[');
        for (int i = 0; i < points.length; i++) {
            Coordinate point = points[reverse ? points.length - 1 - i : i];
            json.append(i > 0 ? ", [" : "[").append(number(point.x)).append(", ").append(number(point.y)).append(']');
        }
        json.append(']');
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static List<Region> read(Path file, GeometryFactory factory) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return GeoJsonRegions.read(in, file.toString(), factory);
        }
    }
}
