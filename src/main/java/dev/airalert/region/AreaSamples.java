package dev.airalert.region;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Points spread evenly over a region, so that how much of it a shape covers is a count: the
 * centres of a grid's cells that fall inside the region and keep a margin from its border (about
 * 400 m, less in a small region), the grid made finer until there are enough of them, and the
 * region's centre, so that even a sliver of a region has one. The margin is what keeps a
 * neighbour's outline drawn a little wider than ours from reaching this region's points.
 */
final class AreaSamples {

    /** About this many points per region: coverage is judged in steps of about 3%. */
    static final int TARGET = 32;
    /** Degrees a point keeps from the border: about 400 m. */
    static final double MARGIN = 0.004;

    private AreaSamples() {
    }

    static Coordinate[] of(Geometry boundary, LatLon centre) {
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(boundary);
        Border border = new Border(boundary);
        Envelope extent = boundary.getEnvelopeInternal();
        List<Coordinate> points = new ArrayList<>();
        for (int cells = 6; cells <= 48 && points.size() < TARGET * 3 / 4; cells += 2) {
            points.clear();
            double dx = extent.getWidth() / cells;
            double dy = extent.getHeight() / cells;
            double margin = Math.min(MARGIN, 0.35 * Math.min(dx, dy));
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    Coordinate c = new Coordinate(extent.getMinX() + (i + 0.5) * dx, extent.getMinY() + (j + 0.5) * dy);
                    if (inside.locate(c) == Location.INTERIOR && !border.isWithin(c, margin)) {
                        points.add(c);
                    }
                }
            }
        }
        Coordinate middle = centre != null ? new Coordinate(centre.lon(), centre.lat())
                : boundary.getInteriorPoint().getCoordinate();
        if (inside.locate(middle) == Location.INTERIOR) {
            points.add(middle);
        }
        if (points.isEmpty()) {
            points.add(boundary.getInteriorPoint().getCoordinate());
        }
        return points.toArray(Coordinate[]::new);
    }

    /**
     * The border's segments in a tree, asked whether any lies within a distance of a point.
     * JTS's facet distance answered the same but made a tree for each point it was asked
     * about: 400 MB of garbage for the hromadas' samples at each start, which the heap grew to
     * hold (measured with JFR's allocation samples).
     */
    private static final class Border {
        private final STRtree segments = new STRtree();

        Border(Geometry boundary) {
            for (Object line : LinearComponentExtracter.getLines(boundary)) {
                Coordinate[] points = ((Geometry) line).getCoordinates();
                for (int i = 0; i + 1 < points.length; i++) {
                    LineSegment segment = new LineSegment(points[i], points[i + 1]);
                    segments.insert(new Envelope(points[i], points[i + 1]), segment);
                }
            }
            segments.build();
        }

        boolean isWithin(Coordinate point, double distance) {
            Envelope near = new Envelope(point);
            near.expandBy(distance);
            boolean[] within = {false};
            segments.query(near, item -> {
                if (!within[0] && ((LineSegment) item).distance(point) < distance) {
                    within[0] = true;
                }
            });
            return within[0];
        }
    }
}
