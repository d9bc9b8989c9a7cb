package dev.airalert.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The shipped raion and hromada files as a test reads them, straight from the GeoJSON and not
 * through the gazetteer: what a test expects of the service comes from the data, not from the
 * code under test. Each file is read once.
 */
final class SubregionFiles {

    /** One feature: its code, kind, parent, oblast, Ukrainian name, centre as written and geometry. */
    record Feature(String code, String kind, String parent, String oblast, String nameUk, String lat, String lon,
            JsonNode geometry, boolean special) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private SubregionFiles() {
    }

    /** Every feature of {@code hromadas.geojson}, in file order. */
    static List<Feature> hromadas() {
        return Hromadas.ALL;
    }

    /** Every feature of {@code raions.geojson}, in file order. */
    static List<Feature> raions() {
        return Raions.ALL;
    }

    static Feature raion(String code) {
        return raions().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no raion " + code));
    }

    /**
     * A CAP polygon ("lat,lon lat,lon ...") of the feature's outline drawn {@code degrees} wider
     * all round, as a publisher tracing the same border a little generously would send it.
     */
    static String capPolygonAround(Feature feature, double degrees) {
        if (!"Polygon".equals(feature.geometry().path("type").asText())) {
            throw new IllegalArgumentException(feature.code() + " is not one polygon");
        }
        JsonNode ring = feature.geometry().path("coordinates").path(0);
        List<Coordinate> points = new ArrayList<>();
        ring.forEach(p -> points.add(new Coordinate(p.path(0).asDouble(), p.path(1).asDouble())));
        Polygon outline = GEOMETRY.createPolygon(points.toArray(Coordinate[]::new));
        Geometry wider = outline.buffer(degrees, 2);
        return Arrays.stream(((Polygon) wider).getExteriorRing().getCoordinates())
                .map(c -> String.format(Locale.ROOT, "%.6f,%.6f", c.y, c.x))
                .collect(Collectors.joining(" "));
    }

    private static List<Feature> read(String resource) {
        try (InputStream in = SubregionFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            List<Feature> features = new ArrayList<>();
            for (JsonNode f : JSON.readTree(in).path("features")) {
                JsonNode p = f.path("properties");
                features.add(new Feature(p.path("code").asText(), p.path("kind").asText(), p.path("parent").asText(),
                        p.path("oblast").asText(), p.path("names").path("uk").asText(),
                        p.path("centre").path(0).asText(), p.path("centre").path(1).asText(), f.path("geometry"),
                        p.hasNonNull("special")));
            }
            return List.copyOf(features);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Read when first asked for. */
    private static final class Hromadas {
        static final List<Feature> ALL = read("regions/hromadas.geojson");
    }

    /** Read when first asked for. */
    private static final class Raions {
        static final List<Feature> ALL = read("regions/raions.geojson");
    }
}
