package dev.airalert.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads regions from a GeoJSON FeatureCollection whose features carry the gazetteer's
 * properties (code, country, kind, parent, katottg, names, aliases, centre) and a Polygon,
 * MultiPolygon or null geometry. A broken file fails the start with the feature it is
 * about: a service that silently lost a region would silently miss its alerts.
 */
final class GeoJsonRegions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonRegions() {
    }

    static List<Region> read(InputStream in, String source, GeometryFactory geometry) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException(source + ": not a GeoJSON FeatureCollection");
        }
        List<Region> regions = new ArrayList<>();
        int index = 0;
        for (JsonNode feature : root.path("features")) {
            try {
                regions.add(region(feature.path("properties"), feature.path("geometry"), geometry));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + ": feature " + index + ": " + e.getMessage(), e);
            }
            index++;
        }
        return regions;
    }

    private static Region region(JsonNode p, JsonNode geometryNode, GeometryFactory factory) {
        String code = required(p, "code");
        Map<String, String> names = new LinkedHashMap<>();
        p.path("names").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        List<String> aliases = new ArrayList<>();
        p.path("aliases").forEach(a -> aliases.add(a.asText()));
        Geometry boundary = geometryNode.isMissingNode() || geometryNode.isNull() ? null
                : geometry(geometryNode, factory);
        JsonNode centreNode = p.path("centre");
        LatLon centre = centreNode.isArray() && centreNode.size() == 2
                ? new LatLon(centreNode.get(0).asDouble(), centreNode.get(1).asDouble())
                : boundary == null ? null
                : new LatLon(boundary.getInteriorPoint().getY(), boundary.getInteriorPoint().getX());
        return new Region(code, required(p, "country"), RegionKind.fromCode(required(p, "kind")),
                text(p, "parent"), text(p, "katottg"), names, aliases, centre, boundary);
    }

    private static Geometry geometry(JsonNode node, GeometryFactory factory) {
        JsonNode coordinates = node.path("coordinates");
        return switch (node.path("type").asText()) {
            case "Polygon" -> polygon(coordinates, factory);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i), factory);
                }
                yield factory.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("geometry must be Polygon or MultiPolygon");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, GeometryFactory factory) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        }
        return factory.createLinearRing(coordinates);
    }

    private static String required(JsonNode p, String name) {
        String value = text(p, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("property '" + name + "' is required");
        }
        return value;
    }

    private static String text(JsonNode p, String name) {
        JsonNode value = p.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
