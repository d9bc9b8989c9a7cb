package dev.airalert.region;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads regions from a GeoJSON FeatureCollection whose features carry the gazetteer's
 * properties (code, country (default: the code's first two letters), kind, parent, katottg,
 * names, aliases, centre) and a Polygon,
 * MultiPolygon or null geometry. A broken file fails the start with the feature it is
 * about: a service that silently lost a region would silently miss its alerts.
 */
final class GeoJsonRegions {

    /** Positions are most of the bytes: the faster number parser pays at every start. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    /** The longest region code the database stores (alert_region, subscription_region, key_region). */
    static final int MAX_CODE = 32;

    private GeoJsonRegions() {
    }

    /** Feature by feature: a file of megabytes never becomes one tree in memory. */
    static List<Region> read(InputStream in, String source, GeometryFactory geometry) throws IOException {
        List<Region> regions = new ArrayList<>();
        boolean collection = false;
        try (JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(source + ": not a GeoJSON FeatureCollection");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(field)) {
                    collection = "FeatureCollection".equals(parser.getText());
                } else if ("features".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        try {
                            regions.add(feature(parser, geometry));
                        } catch (RuntimeException e) {
                            throw new IllegalArgumentException(source + ": feature " + regions.size() + ": "
                                    + e.getMessage(), e);
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        if (!collection) {
            throw new IllegalArgumentException(source + ": not a GeoJSON FeatureCollection");
        }
        return regions;
    }

    /** One feature: its properties as a (small) tree, its coordinates read straight into JTS. */
    private static Region feature(JsonParser parser, GeometryFactory factory) throws IOException {
        JsonNode properties = null;
        Geometry boundary = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("properties".equals(field)) {
                properties = parser.readValueAsTree();
            } else if ("geometry".equals(field) && value == JsonToken.START_OBJECT) {
                boundary = StreamedGeometry.read(parser, factory);
            } else {
                parser.skipChildren();
            }
        }
        if (properties == null) {
            throw new IllegalArgumentException("properties are required");
        }
        return region(properties, boundary);
    }

    private static Region region(JsonNode p, Geometry boundary) {
        String code = required(p, "code");
        if (code.length() > MAX_CODE) {
            // Stored with every alert and subscription in a column of this size.
            throw new IllegalArgumentException("property 'code' must be at most " + MAX_CODE + " characters");
        }
        Map<String, String> names = new LinkedHashMap<>();
        p.path("names").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));
        List<String> aliases = new ArrayList<>();
        p.path("aliases").forEach(a -> aliases.add(a.asText()));
        JsonNode centreNode = p.path("centre");
        LatLon centre = centreNode.isArray() && centreNode.size() == 2
                ? new LatLon(centreNode.get(0).asDouble(), centreNode.get(1).asDouble())
                : boundary == null ? null
                : new LatLon(boundary.getInteriorPoint().getY(), boundary.getInteriorPoint().getX());
        String country = text(p, "country");
        if (country == null && code.length() >= 2) {
            country = code.substring(0, 2); // KATOTTG and ISO 3166-2 codes start with the country's
        }
        return new Region(code, country, RegionKind.fromCode(required(p, "kind")),
                text(p, "parent"), text(p, "katottg"), names, aliases, centre, boundary);
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
