package dev.airalert.region;

import dev.airalert.cap.CapArea;
import dev.airalert.cap.CapGeometry;
import dev.airalert.cap.PolygonCrossings;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.util.GeometricShapeFactory;

/**
 * CAP's shapes as JTS geometries in longitude/latitude degrees. The validator has already
 * checked their syntax, so this only converts, with the validator's own reader. A circle becomes a 64-sided polygon: its
 * radius in kilometres turned into degrees at its latitude, precise to well under a
 * kilometre for the sizes alerts use.
 */
public final class CapShapes {

    private static final double KM_PER_DEGREE = 111.32;

    private CapShapes() {
    }

    /** The union of an area's polygons and circles, or null when it has none. */
    public static Geometry of(CapArea area, GeometryFactory factory) {
        List<Geometry> parts = new ArrayList<>();
        area.polygon().forEach(p -> parts.add(polygon(p, factory)));
        area.circle().forEach(c -> parts.add(circle(c, factory)));
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : factory.buildGeometry(parts).union();
    }

    public static boolean hasShapes(CapArea area) {
        return !area.polygon().isEmpty() || !area.circle().isEmpty();
    }

    static Geometry polygon(String text, GeometryFactory factory) {
        Coordinate[] ring = CapGeometry.ring(text);
        Geometry polygon = factory.createPolygon(ring);
        // Nearly every outline is simple, which is cheap to tell.
        if (PolygonCrossings.isSimple(ring)) {
            return polygon;
        }
        // A publisher's polygon may cross itself a few times: repaired into the area it encloses.
        // Ingest refuses more crossings than that, and outlines too intricate to count; an alert
        // stored before those rules gets its hull, so JTS's checks and repair (whose cost grows
        // with the crossings) never cost more than a bounded amount.
        if (PolygonCrossings.count(ring, PolygonCrossings.REPAIRABLE) > PolygonCrossings.REPAIRABLE) {
            return polygon.convexHull();
        }
        return polygon.isValid() ? polygon : GeometryFixer.fix(polygon);
    }

    static Geometry circle(String text, GeometryFactory factory) {
        String[] centreAndRadius = text.trim().split("\\s+");
        String[] latLon = centreAndRadius[0].split(",");
        return circle(new LatLon(Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1])),
                Double.parseDouble(centreAndRadius[1]), factory);
    }

    /** A circle around a point, {@code radiusKm} kilometres wide each way. */
    public static Geometry circle(LatLon centre, double radiusKm, GeometryFactory factory) {
        double lat = centre.lat();
        double lon = centre.lon();
        if (radiusKm == 0) {
            return factory.createPoint(new Coordinate(lon, lat));
        }
        GeometricShapeFactory shape = new GeometricShapeFactory(factory);
        shape.setNumPoints(64);
        shape.setCentre(new Coordinate(lon, lat));
        shape.setHeight(2 * radiusKm / KM_PER_DEGREE);
        shape.setWidth(2 * radiusKm / (KM_PER_DEGREE * Math.max(Math.cos(Math.toRadians(lat)), 1e-6)));
        return shape.createEllipse();
    }
}
