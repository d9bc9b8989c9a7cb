package dev.airalert.cap;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.noding.BasicSegmentString;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.noding.SegmentString;

/**
 * How often a polygon's outline crosses itself, counted no further than needed. A drawn area
 * that crosses itself a few times (a bow-tie, a slip of the hand) is repaired into the area it
 * encloses at small cost; an outline that crosses itself thousands of times has no such area,
 * and repairing it costs time and memory that grow with the square of its points.
 *
 * <p>The segments are swept from west to east, sorted once by their western ends as
 * primitive keys, and only pairs whose boxes overlap reach JTS's robust intersector. For the
 * hundred-point outlines alerts carry this is about four times faster than JTS's monotone-chain
 * noder, whose index costs more to build than the few pairs it saves (profiled: 1.5 ms against
 * 0.4 ms for the 69 outlines of one alert), and it runs for every polygon twice: when an alert
 * is checked and when it is resolved. A sweep in one direction compares every pair of an
 * outline drawn so that all its segments overlap from west to east (a comb of 5,000 teeth:
 * 12.5 million pairs); past {@link #PAIRS_PER_SEGMENT} pairs a segment it hands the count to
 * the noder, which prunes by both coordinates and has the same budget: an outline that exhausts
 * both is {@link #TOO_INTRICATE} and refused at ingest. Outlines of real places compare about
 * five pairs a segment.
 */
public final class PolygonCrossings {

    /** More crossings than this are refused at ingest; fewer are repaired. */
    public static final int REPAIRABLE = 64;
    /** The polygons of one area may cross each other (and themselves) this often in all before their union costs too much. */
    public static final int BETWEEN_SHAPES = 1000;
    /** Sweep keys hold x as a fraction of the rings' width in this many steps, so they fit in the upper half of a long. */
    private static final double KEY_STEPS = 1 << 30;

    /**
     * Pairs the sweep may compare a segment on average before it leaves the count to the noder:
     * outlines of real places overlap a segment with about five others from west to east.
     */
    static final int PAIRS_PER_SEGMENT = 64;
    /** What {@link #sweep} returns when it has left the count to the noder. */
    static final int GAVE_UP = -1;
    /**
     * What {@link #count} answers for an outline whose segments lie over each other's extent so
     * often that counting its crossings would cost more than the outline could be worth. It is
     * more than any limit: callers that compare the count with one treat it as too many.
     */
    public static final int TOO_INTRICATE = Integer.MAX_VALUE;

    private PolygonCrossings() {
    }

    /**
     * The number of crossings of the closed ring, or {@code atMost + 1} once there are more than
     * {@code atMost}, or {@link #TOO_INTRICATE}.
     */
    public static int count(Coordinate[] ring, int atMost) {
        return count(List.<Coordinate[]>of(ring), atMost);
    }

    /**
     * The crossings of several closed rings, each with itself and with the others (what a union
     * of an area's polygons must work through), or {@code atMost + 1} once there are more, or
     * {@link #TOO_INTRICATE}.
     * Segments of one ring that follow each other share their end point, which is no crossing;
     * nor is a point repeated in a row.
     */
    public static int count(List<Coordinate[]> rings, int atMost) {
        int swept = sweep(rings, atMost);
        return swept != GAVE_UP ? swept : noded(rings, atMost);
    }

    /**
     * The same count by JTS's monotone-chain noder, whose index prunes by both coordinates:
     * what an outline drawn to defeat the sweep (segments that all overlap from west to east)
     * is counted with. An outline can defeat the noder too (parallel diagonals: every chain's box
     * over every other's, 0.6 s for 5,000 points), so it also stops after
     * {@link #PAIRS_PER_SEGMENT} compared pairs a segment, answering {@link #TOO_INTRICATE}.
     */
    static int noded(List<Coordinate[]> drawn, int atMost) {
        List<Coordinate[]> rings = drawn.stream().map(CoordinateArrays::removeRepeatedPoints).toList();
        long segments = rings.stream().mapToLong(r -> Math.max(r.length - 1, 0)).sum();
        long[] budget = {PAIRS_PER_SEGMENT * segments + PAIRS_PER_SEGMENT};
        int[] found = {0};
        LineIntersector intersector = new RobustLineIntersector();
        MCIndexNoder noder = new MCIndexNoder(new SegmentIntersector() {
            @Override
            public void processIntersections(SegmentString a, int i, SegmentString b, int j) {
                budget[0]--;
                if (a == b && (i == j || neighbours(i, j, a.size() - 1))) {
                    return;
                }
                intersector.computeIntersection(a.getCoordinate(i), a.getCoordinate(i + 1), b.getCoordinate(j),
                        b.getCoordinate(j + 1));
                if (intersector.hasIntersection()) {
                    found[0]++;
                }
            }

            @Override
            public boolean isDone() {
                return found[0] > atMost || budget[0] < 0;
            }
        });
        noder.computeNodes(rings.stream().<SegmentString>map(r -> new BasicSegmentString(r, null)).toList());
        return budget[0] < 0 && found[0] <= atMost ? TOO_INTRICATE : found[0];
    }

    /**
     * True when the closed ring is the outline of a valid polygon: at least three corners
     * enclosing an area, no segment meeting another but its neighbours at their shared ends,
     * no point repeated, no spike doubling back. What JTS's validity check decides for a
     * polygon without holes, at a fraction of its cost; a ring that is not simple is left to it.
     */
    public static boolean isSimple(Coordinate[] ring) {
        if (ring.length < 4 || !ring[0].equals2D(ring[ring.length - 1])) {
            return false;
        }
        for (int i = 1; i < ring.length; i++) {
            if (ring[i].equals2D(ring[i - 1])) {
                return false; // a repeated point: JTS accepts it, this check leaves it to JTS
            }
        }
        int last = ring.length - 2;
        for (int i = 0; i <= last; i++) {
            if (doublesBack(ring[i == 0 ? last : i - 1], ring[i], ring[i + 1])) {
                return false;
            }
        }
        return Area.ofRing(ring) > 0 && count(ring, 0) == 0;
    }

    /** True when the outline turns right back at {@code at}: a spike, whose two sides overlap. */
    private static boolean doublesBack(Coordinate before, Coordinate at, Coordinate after) {
        return Orientation.index(before, at, after) == Orientation.COLLINEAR
                && (before.x - at.x) * (after.x - at.x) + (before.y - at.y) * (after.y - at.y) > 0;
    }

    /**
     * Counts the pairs of segments that meet, but neighbours in a ring, up to {@code atMost + 1};
     * {@link #GAVE_UP} once it has compared more pairs than {@link #PAIRS_PER_SEGMENT} a segment.
     */
    static int sweep(List<Coordinate[]> drawn, int atMost) {
        // A point repeated in a row adds a segment of no length, which meets its neighbours' neighbours: no crossing.
        List<Coordinate[]> rings = drawn.stream().map(CoordinateArrays::removeRepeatedPoints).toList();
        int segments = 0;
        double west = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        for (Coordinate[] ring : rings) {
            segments += Math.max(ring.length - 1, 0);
            for (Coordinate c : ring) {
                west = Math.min(west, c.x);
                east = Math.max(east, c.x);
            }
        }
        double scale = east > west ? KEY_STEPS / (east - west) : 0;
        // The high half a segment's western end as a key, the low half its number: sorted at once.
        long[] order = new long[segments];
        int[] ringOf = new int[segments];
        int[] indexOf = new int[segments];
        for (int r = 0, s = 0; r < rings.size(); r++) {
            Coordinate[] ring = rings.get(r);
            for (int i = 0; i + 1 < ring.length; i++, s++) {
                order[s] = key(Math.min(ring[i].x, ring[i + 1].x), west, scale) << 32 | s;
                ringOf[s] = r;
                indexOf[s] = i;
            }
        }
        Arrays.sort(order);
        // The segments' boxes in sweep order, so that the inner loop reads memory in a row.
        double[] minX = new double[segments];
        double[] maxX = new double[segments];
        double[] minY = new double[segments];
        double[] maxY = new double[segments];
        for (int a = 0; a < segments; a++) {
            int s = (int) order[a];
            Coordinate[] ring = rings.get(ringOf[s]);
            Coordinate p0 = ring[indexOf[s]];
            Coordinate p1 = ring[indexOf[s] + 1];
            minX[a] = Math.min(p0.x, p1.x);
            maxX[a] = Math.max(p0.x, p1.x);
            minY[a] = Math.min(p0.y, p1.y);
            maxY[a] = Math.max(p0.y, p1.y);
        }
        LineIntersector intersector = new RobustLineIntersector();
        int found = 0;
        long budget = (long) PAIRS_PER_SEGMENT * segments + PAIRS_PER_SEGMENT;
        for (int a = 0; a < segments; a++) {
            // Keys are rounded down, so a later segment whose key is past this one's eastern end starts past it.
            long end = key(maxX[a], west, scale);
            for (int b = a + 1; b < segments && order[b] >>> 32 <= end; b++) {
                if (--budget < 0) {
                    return GAVE_UP;
                }
                if (maxX[b] < minX[a] || minX[b] > maxX[a] || maxY[b] < minY[a] || minY[b] > maxY[a]) {
                    continue;
                }
                int s = (int) order[a];
                int t = (int) order[b];
                int i = indexOf[s];
                int j = indexOf[t];
                Coordinate[] ring = rings.get(ringOf[s]);
                if (ringOf[s] == ringOf[t] && neighbours(i, j, ring.length - 1)) {
                    continue;
                }
                Coordinate[] other = rings.get(ringOf[t]);
                intersector.computeIntersection(ring[i], ring[i + 1], other[j], other[j + 1]);
                if (intersector.hasIntersection() && ++found > atMost) {
                    return found;
                }
            }
        }
        return found;
    }

    /** Segments i and j of a closed ring of so many segments follow each other: they share an end point, which is no crossing. */
    private static boolean neighbours(int i, int j, int segments) {
        int apart = Math.abs(i - j);
        return apart == 1 || apart == segments - 1;
    }

    private static long key(double x, double west, double scale) {
        return (long) Math.floor((x - west) * scale);
    }
}
