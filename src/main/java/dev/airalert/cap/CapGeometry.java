package dev.airalert.cap;

import java.util.List;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;

/**
 * CAP's text forms for shapes: a polygon is whitespace-separated {@code lat,lon} pairs
 * (WGS 84 decimal degrees) that must close on itself; a circle is {@code lat,lon radius}
 * with the radius in kilometres. A shape that does not parse cannot be matched against a
 * subscriber's location, so it is an error rather than something to skip quietly.
 */
public final class CapGeometry {

    /** Plain decimals only: the number parser would also take "NaN", "1e3" or "0x1p3". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A circle this wide already covers the globe; a larger number only overflows the maths. */
    static final double MAX_RADIUS_KM = 20_038;

    private CapGeometry() {
    }

    /** True for a plain decimal number as CAP (xs:decimal) writes it. */
    public static boolean isDecimal(String text) {
        return text != null && DECIMAL.matcher(text).matches();
    }

    /** What is wrong with a {@code <polygon>}, worded for the publisher, or null when it is fine. */
    public static String polygonProblem(String polygon) {
        if (polygon.isBlank()) {
            return "must not be empty";
        }
        String[] points = SPACES.split(polygon.trim());
        double[][] parsed = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            String problem = pointProblem(points[i], "point " + (i + 1));
            if (problem != null) {
                return problem;
            }
            parsed[i] = point(points[i]);
        }
        if (points.length < 4) {
            return "must have at least 4 points, the first repeated as the last (found "
                    + points.length + ")";
        }
        double[] first = parsed[0];
        double[] last = parsed[parsed.length - 1];
        if (first[0] != last[0] || first[1] != last[1]) {
            return "must be closed: the last point must repeat the first";
        }
        if (PolygonCrossings.count(ring(parsed), PolygonCrossings.REPAIRABLE) > PolygonCrossings.REPAIRABLE) {
            return "crosses itself more than " + PolygonCrossings.REPAIRABLE
                    + " times, so it encloses no area that could be told; send the outline of the area";
        }
        return null;
    }

    /** What is wrong with an area's valid polygons together: crossing each other so often that their union blows up. */
    static String crossingsProblem(List<String> polygons) {
        // Each has passed polygonProblem, so every pair parses.
        List<Coordinate[]> rings = polygons.stream()
                .map(p -> ring(SPACES.splitAsStream(p.trim()).map(CapGeometry::point).toArray(double[][]::new)))
                .toList();
        return PolygonCrossings.count(rings, PolygonCrossings.BETWEEN_SHAPES) > PolygonCrossings.BETWEEN_SHAPES
                ? "the polygons of this area cross each other more than " + PolygonCrossings.BETWEEN_SHAPES
                        + " times; send one outline of the area" : null;
    }

    private static Coordinate[] ring(double[][] latLon) {
        Coordinate[] ring = new Coordinate[latLon.length];
        for (int i = 0; i < latLon.length; i++) {
            ring[i] = new Coordinate(latLon[i][1], latLon[i][0]);
        }
        return ring;
    }

    /** What is wrong with a {@code <circle>}, or null when it is fine. */
    public static String circleProblem(String circle) {
        String[] parts = SPACES.split(circle.trim());
        if (parts.length != 2) {
            return "must be latitude,longitude radius (radius in km), e.g. 50.45,30.52 10";
        }
        String problem = pointProblem(parts[0], "centre");
        if (problem != null) {
            return problem;
        }
        if (!isDecimal(parts[1]) || Double.parseDouble(parts[1]) < 0) {
            return "radius must be a number of kilometres, 0 or more";
        }
        if (Double.parseDouble(parts[1]) > MAX_RADIUS_KM) {
            return "radius must be at most " + (int) MAX_RADIUS_KM + " km, half the Earth's circumference";
        }
        return null;
    }

    /** Null when the pair parses and lies on the globe; {@code what} names it for people. */
    private static String pointProblem(String pair, String what) {
        String label = what + " (\"" + (pair.length() <= 60 ? pair : pair.substring(0, 60) + "…") + "\")";
        String[] latLon = pair.split(",", -1);
        if (latLon.length != 2 || !isDecimal(latLon[0]) || !isDecimal(latLon[1])) {
            return label + " must be latitude,longitude in decimal degrees";
        }
        double[] p = point(pair);
        if (p[0] < -90 || p[0] > 90) {
            return label + " latitude must be between -90 and 90";
        }
        if (p[1] < -180 || p[1] > 180) {
            return label + " longitude must be between -180 and 180";
        }
        return null;
    }

    private static double[] point(String pair) {
        String[] latLon = pair.split(",", -1);
        return new double[] {Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1])};
    }
}
