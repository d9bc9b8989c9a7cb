package dev.airalert.region;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A projected shape as SVG path data: every ring of every polygon as a sub-path (even-odd
 * filling keeps holes open), its first point absolute and the others relative to the one
 * before, at a fixed number of decimals. Points are rounded to that grid first and a point
 * equal to the one before is dropped: both depend on the point alone, so a border two
 * regions share is drawn the same way for both. Relative steps are short and repeat, which
 * is what makes the map small on the wire.
 */
final class SvgPath {

    private final long unit;
    private final int decimals;
    private final StringBuilder d = new StringBuilder();
    private long lastX;
    private long lastY;
    private boolean lastHasPoint;

    private SvgPath(int decimals) {
        this.decimals = decimals;
        this.unit = Math.round(Math.pow(10, decimals));
    }

    /** The path data of a projected Polygon or MultiPolygon, at this many decimals. */
    static String of(Geometry projected, int decimals) {
        SvgPath path = new SvgPath(decimals);
        for (int i = 0; i < projected.getNumGeometries(); i++) {
            if (projected.getGeometryN(i) instanceof Polygon polygon) {
                path.ring(polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    path.ring(polygon.getInteriorRingN(h));
                }
            }
        }
        return path.d.toString();
    }

    private void ring(LineString ring) {
        Coordinate[] points = ring.getCoordinates();
        long startX = Math.round(points[0].x * unit);
        long startY = Math.round(points[0].y * unit);
        d.append('M');
        lastHasPoint = false;
        number(startX);
        separate(startY);
        number(startY);
        d.append('l');
        lastHasPoint = false;
        int length = d.length();
        long x = startX;
        long y = startY;
        // The last point repeats the first; z closes the ring instead.
        for (int i = 1; i < points.length - 1; i++) {
            long nextX = Math.round(points[i].x * unit);
            long nextY = Math.round(points[i].y * unit);
            if (nextX != x || nextY != y) {
                separate(nextX - x);
                number(nextX - x);
                separate(nextY - y);
                number(nextY - y);
                x = nextX;
                y = nextY;
            }
        }
        if (d.length() == length) {
            d.setLength(length - 1); // a ring smaller than the grid: a point, no steps
        }
        d.append('z');
    }

    /** A comma where the next number would otherwise run into the last one. */
    private void separate(long next) {
        if (d.isEmpty()) {
            return;
        }
        char last = d.charAt(d.length() - 1);
        boolean startsWithPoint = next > 0 && next < unit;
        if (next < 0 || last == 'M' || last == 'l' || (startsWithPoint && lastHasPoint)) {
            return;
        }
        d.append(',');
    }

    /** The number in grid steps written with its decimals: 1234 at two decimals is 12.34, 5 is .05. */
    private void number(long steps) {
        if (steps < 0) {
            d.append('-');
        }
        long magnitude = Math.abs(steps);
        long whole = magnitude / unit;
        long fraction = magnitude % unit;
        if (whole != 0 || fraction == 0) {
            d.append(whole);
        }
        if (fraction != 0) {
            String digits = Long.toString(fraction + unit).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            d.append('.').append(digits, 0, end);
        }
        lastHasPoint = fraction != 0;
    }
}
