package dev.airalert.region;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * A GeoJSON Polygon or MultiPolygon read token by token into JTS: the gazetteer's files hold
 * some 400,000 positions, and a tree of nodes for each would cost the start-up more than the
 * geometry itself. The members may come in any order, as JSON allows.
 */
final class StreamedGeometry {

    private StreamedGeometry() {
    }

    /** Reads the geometry object the parser is at (its START_OBJECT), up to its END_OBJECT. */
    static Geometry read(JsonParser parser, GeometryFactory factory) throws IOException {
        String type = null;
        List<List<Coordinate[]>> polygons = null;
        boolean multi = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(field)) {
                type = parser.getText();
            } else if ("coordinates".equals(field) && value == JsonToken.START_ARRAY) {
                // Depth tells a Polygon (rings of positions) from a MultiPolygon (polygons of rings).
                if (!(value(parser) instanceof List<?> nested)) {
                    throw new IllegalArgumentException("coordinates must be nested arrays of numbers");
                }
                multi = depth(nested) == 4;
                polygons = new ArrayList<>();
                if (multi) {
                    for (Object polygon : nested) {
                        polygons.add(rings(polygon));
                    }
                } else {
                    polygons.add(rings(nested));
                }
            } else {
                parser.skipChildren();
            }
        }
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            throw new IllegalArgumentException("geometry must be Polygon or MultiPolygon");
        }
        if (polygons == null || polygons.isEmpty() || multi != "MultiPolygon".equals(type)) {
            throw new IllegalArgumentException("a " + type + " needs coordinates of its shape");
        }
        Polygon[] parts = new Polygon[polygons.size()];
        for (int i = 0; i < parts.length; i++) {
            List<Coordinate[]> rings = polygons.get(i);
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int h = 1; h < rings.size(); h++) {
                holes[h - 1] = factory.createLinearRing(rings.get(h));
            }
            parts[i] = factory.createPolygon(factory.createLinearRing(rings.get(0)), holes);
        }
        return "Polygon".equals(type) ? parts[0] : factory.createMultiPolygon(parts);
    }

    /** The array the parser is at (its START_ARRAY): a position as a Coordinate, else a list of what it holds. */
    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token != null && token.isNumeric()) {
            double x = parser.getDoubleValue();
            token = parser.nextToken();
            if (token == null || !token.isNumeric()) {
                throw new IllegalArgumentException("a position needs two numbers");
            }
            double y = parser.getDoubleValue();
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null || !token.isNumeric()) {
                    throw new IllegalArgumentException("a position holds numbers only");
                }
            }
            return new Coordinate(x, y);
        }
        List<Object> items = new ArrayList<>();
        while (token != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("coordinates must be nested arrays of numbers");
            }
            items.add(value(parser));
            token = parser.nextToken();
        }
        return items;
    }

    private static int depth(Object node) {
        int depth = 1;
        Object at = node;
        while (at instanceof List<?> list && !list.isEmpty()) {
            at = list.get(0);
            depth++;
        }
        return at instanceof Coordinate ? depth : -1;
    }

    private static List<Coordinate[]> rings(Object polygon) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (Object ring : (List<?>) polygon) {
            List<?> positions = (List<?>) ring;
            if (positions.isEmpty() || !(positions.get(0) instanceof Coordinate)) {
                throw new IllegalArgumentException("a ring must be a list of positions");
            }
            rings.add(positions.toArray(Coordinate[]::new));
        }
        if (rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs an outer ring");
        }
        return rings;
    }
}
