package dev.airalert.region;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * A country's regions made light enough for a phone's overview map: the outlines, projected
 * to SVG units, are simplified as one coverage (JTS {@link CoverageSimplifier}), so that a
 * border two regions share stays one line for both, and islets smaller than a pixel are left
 * out. Detail is the oblast drawing's job: zoomed to an oblast, its neighbours' borders are off
 * by at most a pixel of the country's map.
 */
final class OverviewOutlines {

    /** Bends smaller than this go: an SVG unit, a pixel on a map 1000 pixels wide (a phone's is narrower). */
    static final double TOLERANCE = 1;
    /** Parts smaller than this many square units are left out (a region keeps its largest). */
    static final double SMALLEST_PART = 0.5;

    private static final Logger LOG = Logger.getLogger(OverviewOutlines.class);

    private OverviewOutlines() {
    }

    /** The simplified outlines, in the order given. */
    static List<Geometry> of(List<Geometry> projected) {
        Geometry[] simplified;
        try {
            simplified = CoverageSimplifier.simplify(projected.toArray(Geometry[]::new), TOLERANCE);
        } catch (RuntimeException e) {
            // Outlines from an operator's file may overlap: they are drawn as they are.
            LOG.warnf("The map's outlines could not be simplified together (%s); drawn in full", e.getMessage());
            simplified = projected.toArray(Geometry[]::new);
        }
        return Arrays.stream(simplified).map(OverviewOutlines::withoutSpecks).toList();
    }

    /**
     * What lies between the simplified outlines and no region covers (a country's inland
     * waters), as polygons: their borders are the regions', so nothing shows past them.
     */
    static Geometry between(List<Geometry> outlines) {
        Geometry union = OverlayNGRobust.union(outlines);
        List<Polygon> holes = new ArrayList<>();
        for (int i = 0; i < union.getNumGeometries(); i++) {
            if (union.getGeometryN(i) instanceof Polygon part) {
                for (int h = 0; h < part.getNumInteriorRing(); h++) {
                    holes.add(union.getFactory().createPolygon(part.getInteriorRingN(h).getCoordinates()));
                }
            }
        }
        return union.getFactory().buildGeometry(holes);
    }

    private static Geometry withoutSpecks(Geometry shape) {
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < shape.getNumGeometries(); i++) {
            if (shape.getGeometryN(i) instanceof Polygon part) {
                parts.add(part);
            }
        }
        List<Polygon> kept = parts.stream().filter(p -> p.getArea() >= SMALLEST_PART).toList();
        if (kept.isEmpty()) {
            kept = parts.stream().max(Comparator.comparingDouble(Geometry::getArea)).stream().toList();
        }
        return kept.size() == parts.size() ? shape : shape.getFactory().buildGeometry(kept);
    }
}
