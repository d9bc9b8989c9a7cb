package dev.airalert.cap;

import java.util.List;
import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.noding.BasicSegmentString;
import org.locationtech.jts.noding.MCIndexNoder;
import org.locationtech.jts.noding.SegmentIntersector;
import org.locationtech.jts.noding.SegmentString;

/**
 * How often a polygon's outline crosses itself, counted no further than needed. A drawn area
 * that crosses itself a few times (a bow-tie, a slip of the hand) is repaired into the area it
 * encloses at small cost; an outline that crosses itself thousands of times has no such area,
 * and repairing it costs time and memory that grow with the square of its points. Counting
 * with a monotone-chain index and stopping at the limit keeps the check itself cheap.
 */
public final class PolygonCrossings {

    /** More crossings than this are refused at ingest; fewer are repaired. */
    public static final int REPAIRABLE = 64;
    /** The polygons of one area may cross each other (and themselves) this often in all before their union costs too much. */
    public static final int BETWEEN_SHAPES = 1000;

    private PolygonCrossings() {
    }

    /** The number of crossings of the closed ring, or {@code atMost + 1} once there are more than {@code atMost}. */
    public static int count(Coordinate[] ring, int atMost) {
        return count(List.<Coordinate[]>of(ring), atMost);
    }

    /**
     * The crossings of several closed rings, each with itself and with the others (what a union
     * of an area's polygons must work through), or {@code atMost + 1} once there are more.
     */
    public static int count(List<Coordinate[]> rings, int atMost) {
        Counter counter = new Counter(atMost);
        MCIndexNoder noder = new MCIndexNoder(counter);
        noder.computeNodes(rings.stream().<SegmentString>map(r -> new BasicSegmentString(r, null)).toList());
        return counter.crossings;
    }

    private static final class Counter implements SegmentIntersector {

        private final LineIntersector intersector = new RobustLineIntersector();
        private final int atMost;
        private int crossings;

        Counter(int atMost) {
            this.atMost = atMost;
        }

        @Override
        public void processIntersections(SegmentString a, int i, SegmentString b, int j) {
            int segments = a.size() - 1;
            if (a == b && (i == j || Math.abs(i - j) == 1 || Math.abs(i - j) == segments - 1)) {
                return; // a segment and its neighbours share their end points: that is no crossing
            }
            Coordinate[] p = a.getCoordinates();
            Coordinate[] q = b.getCoordinates();
            intersector.computeIntersection(p[i], p[i + 1], q[j], q[j + 1]);
            if (intersector.hasIntersection()) {
                crossings++;
            }
        }

        @Override
        public boolean isDone() {
            return crossings > atMost;
        }
    }
}
