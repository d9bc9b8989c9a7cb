package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class PolygonCrossingsTest {

    @Test
    void aSimpleRingHasNoCrossingAndABowTieOne() {
        assertEquals(0, PolygonCrossings.count(ring(0, 0, 0, 1, 1, 1, 1, 0, 0, 0), 64));
        assertEquals(1, PolygonCrossings.count(ring(0, 0, 1, 1, 1, 0, 0, 1, 0, 0), 64));
    }

    @Test
    void countingStopsPastTheLimit() {
        Random random = new Random(7);
        Coordinate[] ring = new Coordinate[5000];
        for (int i = 0; i < ring.length - 1; i++) {
            ring[i] = new Coordinate(random.nextDouble(), random.nextDouble());
        }
        ring[ring.length - 1] = ring[0];
        assertEquals(65, PolygonCrossings.count(ring, 64));
    }

    @Test
    void theValidatorRefusesATangleAndKeepsABowTie() {
        assertNull(CapGeometry.polygonProblem("50.3,30.3 50.6,30.7 50.6,30.3 50.3,30.7 50.3,30.3"));
        StringBuilder tangle = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            tangle.append(i % 2 == 0 ? "50," : "51,").append(30 + i * 0.001).append(' ');
            tangle.append(i % 2 == 0 ? "51," : "50,").append(30 + i * 0.001 + 0.0005).append(' ');
        }
        tangle.append("50,30");
        String problem = CapGeometry.polygonProblem(tangle.toString());
        assertTrue(problem != null && problem.contains("crosses itself more than 64 times"), problem);
    }

    /**
     * The sweep counts what JTS's monotone-chain noder finds, on rings of every kind (the pairs
     * of segments that meet, but neighbours at their shared end, once points repeated in a row
     * are dropped: the noder never compares the segments of one monotone chain, so it would
     * miss some meetings those make, not all).
     */
    @Test
    void theSweepCountsWhatJtsNodingFinds() {
        Random random = new Random(11);
        for (int n = 0; n < 2000; n++) {
            List<Coordinate[]> rings = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(3); r++) {
                rings.add(randomRing(random));
            }
            List<Coordinate[]> tried = rings;
            assertEquals(PolygonCrossings.noded(rings, 1000), PolygonCrossings.sweep(rings, 1000),
                    () -> tried.stream().map(Arrays::toString).toList().toString());
        }
    }

    /**
     * A comb whose 5,000 teeth all overlap from west to east would make the sweep compare every
     * pair: it gives up within its budget and the noder counts instead, the same count.
     */
    @Test
    void anOutlineDrawnAgainstTheSweepIsCountedByTheNoder() {
        int teeth = 5000;
        Coordinate[] comb = new Coordinate[teeth + 3];
        comb[0] = new Coordinate(0, 0);
        for (int i = 1; i <= teeth; i++) {
            comb[i] = new Coordinate(i % 2 == 1 ? 1 : 10, i * 0.001);
        }
        comb[teeth + 1] = new Coordinate(0, (teeth + 1) * 0.001);
        comb[teeth + 2] = comb[0].copy();
        assertEquals(PolygonCrossings.GAVE_UP, PolygonCrossings.sweep(List.<Coordinate[]>of(comb), 64));
        assertEquals(0, PolygonCrossings.count(comb, 64));
        assertTrue(PolygonCrossings.isSimple(comb));
        assertTrue(new GeometryFactory().createPolygon(comb).isValid());
        // The same comb as a publisher's polygon is accepted.
        StringBuilder text = new StringBuilder();
        for (Coordinate c : comb) {
            text.append(c.y).append(',').append(c.x).append(' ');
        }
        assertNull(CapGeometry.polygonProblem(text.toString().trim()));
    }

    /**
     * Long parallel diagonals joined by back-diagonals: a valid outline whose every segment's box
     * lies over every other's, which defeats the noder's index too (0.6 s for 5,000 points
     * counted to the end). Both give up within their budgets, and ingest refuses it, naming why.
     */
    @Test
    void anOutlineThatDefeatsBothCountsIsTooIntricate() {
        int diagonals = 1000;
        double step = 0.0001;
        double length = 1;
        List<Coordinate> points = new ArrayList<>();
        for (int i = 0; i < diagonals; i++) {
            points.add(new Coordinate(30 + i * step, 48));
            points.add(new Coordinate(30 + i * step + length, 48 + length));
        }
        points.add(new Coordinate(30 + diagonals * step + length, 48 - length));
        points.add(points.get(0).copy());
        Coordinate[] zigzag = points.toArray(Coordinate[]::new);
        assertTrue(new GeometryFactory().createPolygon(zigzag).isValid(), "a valid outline");
        assertEquals(PolygonCrossings.GAVE_UP, PolygonCrossings.sweep(List.<Coordinate[]>of(zigzag), 64));
        assertEquals(PolygonCrossings.TOO_INTRICATE, PolygonCrossings.count(zigzag, 64));
        assertFalse(PolygonCrossings.isSimple(zigzag));
        StringBuilder text = new StringBuilder();
        for (Coordinate c : zigzag) {
            text.append(String.format(Locale.ROOT, "%.6f,%.6f ", c.y, c.x));
        }
        String problem = CapGeometry.polygonProblem(text.toString().trim());
        assertTrue(problem != null && problem.startsWith("is too intricate to check"), problem);
    }

    /** Simple means valid to JTS, for simple outlines, spikes, touching corners, repeated points and tangles. */
    @Test
    void simpleAgreesWithJtsValidity() {
        GeometryFactory factory = new GeometryFactory();
        Random random = new Random(5);
        int simple = 0;
        for (int n = 0; n < 5000; n++) {
            Coordinate[] ring = randomRing(random);
            boolean valid = factory.createPolygon(ring).isValid();
            if (PolygonCrossings.isSimple(ring)) {
                simple++;
                assertTrue(valid, () -> "simple but not valid: " + List.of(ring));
            }
        }
        assertTrue(simple > 1000, "enough simple rings tried: " + simple);
        // Each defect JTS refuses, on an otherwise fine square.
        assertTrue(PolygonCrossings.isSimple(ring(0, 0, 0, 1, 1, 1, 1, 0, 0, 0)));
        assertFalse(PolygonCrossings.isSimple(ring(0, 0, 0, 1, 0, 2, 0, 1, 1, 1, 1, 0, 0, 0)), "a spike");
        assertFalse(PolygonCrossings.isSimple(ring(0, 0, 0, 2, 2, 2, 1, 2, 1, 1, 2, 2, 2, 0, 0, 0)), "touching itself");
        assertFalse(PolygonCrossings.isSimple(ring(0, 0, 1, 1, 2, 2, 0, 0)), "no area");
        assertFalse(PolygonCrossings.isSimple(ring(0, 0, 1, 1, 1, 0, 0, 1, 0, 0)), "a bow-tie");
        assertFalse(PolygonCrossings.isSimple(ring(0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0)), "a repeated point, left to JTS");
    }

    /** Random outlines: star-shaped ones (simple), with now and then a spike, a repeated point, a touch or a shuffle. */
    private static Coordinate[] randomRing(Random random) {
        int corners = 3 + random.nextInt(40);
        List<Coordinate> points = new ArrayList<>();
        double cx = random.nextInt(3);
        double cy = random.nextInt(3);
        for (int i = 0; i < corners; i++) {
            double angle = 2 * Math.PI * i / corners;
            double radius = 0.2 + random.nextInt(8) / 8.0;
            // On a grid, so that touches and collinear stretches happen.
            points.add(new Coordinate(Math.round((cx + radius * Math.cos(angle)) * 8) / 8.0,
                    Math.round((cy + radius * Math.sin(angle)) * 8) / 8.0));
        }
        switch (random.nextInt(6)) {
            case 0 -> Collections.swap(points, random.nextInt(corners), random.nextInt(corners));
            case 1 -> points.add(1 + random.nextInt(corners - 1), points.get(random.nextInt(corners)).copy());
            case 2 -> {
                int at = 1 + random.nextInt(corners - 1);
                points.add(at, points.get(at - 1).copy());
            }
            case 3 -> {
                int at = random.nextInt(corners - 1);
                Coordinate a = points.get(at);
                points.add(at + 1, new Coordinate(2 * a.x - cx, 2 * a.y - cy));
                points.add(at + 2, a.copy());
            }
            default -> {
                // left as drawn
            }
        }
        points.add(points.get(0).copy());
        return points.toArray(Coordinate[]::new);
    }

    private static Coordinate[] ring(double... xy) {
        Coordinate[] ring = new Coordinate[xy.length / 2];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return ring;
    }
}
