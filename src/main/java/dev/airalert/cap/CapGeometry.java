package dev.airalert.cap;

import java.util.ArrayList;
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

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String TOO_INTRICATE = "is too intricate to check: its segments lie over one another's"
            + " extent thousands of times; send the outline of the area with fewer, simpler points";
    /** 10^0 to 10^22: the powers of ten a double holds exactly. */
    private static final double[] POWERS_OF_TEN = new double[23];
    /** A circle this wide already covers the globe; a larger number only overflows the maths. */
    static final double MAX_RADIUS_KM = 20_038;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private CapGeometry() {
    }

    /** True for a plain decimal number as CAP (xs:decimal) writes it. */
    public static boolean isDecimal(String text) {
        return text != null && decimal(text, 0, text.length(), new double[1], 0) == text.length();
    }

    /** What is wrong with a {@code <polygon>}, worded for the publisher, or null when it is fine. */
    public static String polygonProblem(String polygon) {
        Read read = read(polygon);
        if (read.problem() != null) {
            return read.problem();
        }
        Coordinate[] ring = read.ring();
        if (ring.length < 4) {
            return "must have at least 4 points, the first repeated as the last (found " + ring.length + ")";
        }
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            return "must be closed: the last point must repeat the first";
        }
        int crossings = PolygonCrossings.count(ring, PolygonCrossings.REPAIRABLE);
        if (crossings == PolygonCrossings.TOO_INTRICATE) {
            return TOO_INTRICATE;
        }
        if (crossings > PolygonCrossings.REPAIRABLE) {
            return "crosses itself more than " + PolygonCrossings.REPAIRABLE
                    + " times, so it encloses no area that could be told; send the outline of the area";
        }
        return null;
    }

    /**
     * A {@code <polygon>} the validator accepted as JTS coordinates (x longitude, y latitude).
     *
     * @throws IllegalArgumentException naming the point when it does not parse
     */
    public static Coordinate[] ring(String polygon) {
        Read read = read(polygon);
        if (read.problem() != null) {
            throw new IllegalArgumentException("polygon: " + read.problem());
        }
        return read.ring();
    }

    /** What is wrong with an area's valid polygons together: crossing each other so often that their union blows up. */
    static String crossingsProblem(List<String> polygons) {
        // Each has passed polygonProblem, so every one parses.
        List<Coordinate[]> rings = polygons.stream().map(CapGeometry::ring).toList();
        int crossings = PolygonCrossings.count(rings, PolygonCrossings.BETWEEN_SHAPES);
        if (crossings == PolygonCrossings.TOO_INTRICATE) {
            return TOO_INTRICATE;
        }
        return crossings > PolygonCrossings.BETWEEN_SHAPES
                ? "the polygons of this area cross each other more than " + PolygonCrossings.BETWEEN_SHAPES
                        + " times; send one outline of the area" : null;
    }

    /** A polygon's points, or the first thing wrong with them. */
    private record Read(Coordinate[] ring, String problem) {
    }

    /**
     * Reads a polygon's {@code lat,lon} pairs in one pass over its text, checking each number's
     * form and range as it goes: no splitting, no pattern and no label is made for a point that
     * is fine. Alerts carry thousands of points, and each is read when the alert is checked and
     * again when its areas are resolved.
     */
    private static Read read(String polygon) {
        int end = polygon.length();
        List<Coordinate> points = new ArrayList<>(Math.max(4, end / 16));
        double[] latLon = new double[2];
        int at = skipSpaces(polygon, 0, end);
        if (at == end || polygon.isBlank()) {
            return new Read(null, "must not be empty");
        }
        while (at < end) {
            int pairEnd = at;
            while (pairEnd < end && !isSpace(polygon.charAt(pairEnd))) {
                pairEnd++;
            }
            String problem = pairProblem(polygon, at, pairEnd, latLon, points.size() + 1);
            if (problem != null) {
                return new Read(null, problem);
            }
            points.add(new Coordinate(latLon[1], latLon[0]));
            at = skipSpaces(polygon, pairEnd, end);
        }
        return new Read(points.toArray(Coordinate[]::new), null);
    }

    /**
     * Reads the {@code lat,lon} pair between {@code at} and {@code end} into {@code latLon}:
     * null when it parses and lies on the globe, else the problem, naming it as point
     * {@code number} of a polygon or, when that is 0, as a circle's centre (the label is made
     * only then).
     */
    private static String pairProblem(String text, int at, int end, double[] latLon, int number) {
        int comma = decimal(text, at, end, latLon, 0);
        boolean read = comma > 0 && comma < end && text.charAt(comma) == ','
                && decimal(text, comma + 1, end, latLon, 1) == end;
        String problem = !read ? " must be latitude,longitude in decimal degrees"
                : latLon[0] < -90 || latLon[0] > 90 ? " latitude must be between -90 and 90"
                : latLon[1] < -180 || latLon[1] > 180 ? " longitude must be between -180 and 180"
                : null;
        if (problem == null) {
            return null;
        }
        String pair = text.substring(at, end);
        String what = number > 0 ? "point " + number : "centre";
        return what + " (\"" + (pair.length() <= 60 ? pair : pair.substring(0, 60) + "…") + "\")" + problem;
    }

    /** The whitespace {@code \\s} matches, as the pattern the points were split with before. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static int skipSpaces(String text, int at, int end) {
        while (at < end && isSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /**
     * Reads a plain decimal (a sign or none, digits with a decimal point among or after them:
     * what xs:decimal allows; not "NaN", "1e3" or "0x1p3", which the JDK's parser would take)
     * from {@code at} into {@code into[slot]}; returns
     * where it ends, or -1 when there is none. Up to 15 significant digits and 22 decimals
     * (coordinates have 4 to 8) the value is the digits as a whole number divided by a power of
     * ten, both exact in a double, so the one rounding of the division gives what
     * {@link Double#parseDouble} gives; longer numbers are handed to it.
     */
    private static int decimal(String text, int at, int end, double[] into, int slot) {
        int start = at;
        boolean negative = at < end && text.charAt(at) == '-';
        if (at < end && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            at++;
        }
        long digits = 0;
        int significant = 0;
        int decimals = 0;
        boolean anyDigit = false;
        boolean point = false;
        for (; at < end; at++) {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (significant < 18) {
                    digits = digits * 10 + (c - '0');
                }
                if (digits != 0) {
                    significant++;
                }
                if (point) {
                    decimals++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (!anyDigit) {
            return -1;
        }
        double value = significant <= 15 && decimals < POWERS_OF_TEN.length
                ? digits / POWERS_OF_TEN[decimals] : Math.abs(Double.parseDouble(text.substring(start, at)));
        into[slot] = negative ? -value : value;
        return at;
    }

    /** What is wrong with a {@code <circle>}, or null when it is fine. */
    public static String circleProblem(String circle) {
        String[] parts = SPACES.split(circle.trim());
        if (parts.length != 2) {
            return "must be latitude,longitude radius (radius in km), e.g. 50.45,30.52 10";
        }
        String problem = pairProblem(parts[0], 0, parts[0].length(), new double[2], 0);
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
}
