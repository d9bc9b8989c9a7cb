package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

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

    private static Coordinate[] ring(double... xy) {
        Coordinate[] ring = new Coordinate[xy.length / 2];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return ring;
    }
}
