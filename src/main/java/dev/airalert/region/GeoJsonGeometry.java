package dev.airalert.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** A region boundary as a GeoJSON geometry object, ready for a map. */
public final class GeoJsonGeometry {

    private GeoJsonGeometry() {
    }

    public static Map<String, Object> of(Geometry geometry) {
        if (geometry == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        if (geometry instanceof Polygon polygon) {
            json.put("type", "Polygon");
            json.put("coordinates", rings(polygon));
        } else {
            json.put("type", "MultiPolygon");
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) geometry.getGeometryN(i)));
            }
            json.put("coordinates", polygons);
        }
        return json;
    }

    private static List<Object> rings(Polygon polygon) {
        List<Object> rings = new ArrayList<>();
        rings.add(positions(polygon.getExteriorRing()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i)));
        }
        return rings;
    }

    private static List<double[]> positions(LineString ring) {
        List<double[]> positions = new ArrayList<>();
        for (Coordinate c : ring.getCoordinates()) {
            positions.add(new double[] {c.getX(), c.getY()});
        }
        return positions;
    }
}
