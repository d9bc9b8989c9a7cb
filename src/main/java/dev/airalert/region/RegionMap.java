package dev.airalert.region;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A country's regions as one SVG document, drawn from the gazetteer's boundaries, for the
 * live map page: no tiles and nothing from the internet, so it works on a shelter's local
 * network. Each region is a focusable {@code <path>} carrying its code and names; the page
 * colours it by state. Larger regions are drawn first, so a city inside its oblast (Kyiv in
 * Kyiv Oblast) stays on top and clickable. The projection is equirectangular, scaled by the
 * cosine of the middle latitude, which is faithful enough at the size of one country.
 */
@ApplicationScoped
public class RegionMap {

    /** Width of the drawing in SVG units; the height follows from the country's shape. */
    static final double WIDTH = 1000;
    /** Language tags usable in an attribute name. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private final Gazetteer gazetteer;
    private final Map<String, String> drawn = new ConcurrentHashMap<>();

    RegionMap(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The country with the most regions that have boundaries: the map shown by default. */
    String defaultCountry() {
        return gazetteer.all().stream().filter(r -> !r.isCountry() && r.boundary() != null)
                .collect(Collectors.groupingBy(Region::country, TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("UA");
    }

    /** The SVG of this country's regions, or empty when none of them has a boundary. */
    Optional<String> svg(String country) {
        String key = country.toUpperCase(Locale.ROOT);
        return Optional.ofNullable(drawn.computeIfAbsent(key, this::draw));
    }

    private String draw(String country) {
        List<Region> regions = gazetteer.all().stream()
                .filter(r -> !r.isCountry() && !r.kind().isBelowOblast() && r.country().equals(country)
                        && r.boundary() != null)
                .sorted(Comparator.comparingDouble((Region r) -> -r.boundary().getArea()).thenComparing(Region::code))
                .toList();
        if (regions.isEmpty()) {
            return null;
        }
        Optional<Region> whole = gazetteer.byCode(country).filter(r -> r.boundary() != null);
        Envelope extent = new Envelope();
        regions.forEach(r -> extent.expandToInclude(r.boundary().getEnvelopeInternal()));
        whole.ifPresent(r -> extent.expandToInclude(r.boundary().getEnvelopeInternal()));
        Projection projection = new Projection(extent);

        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(number(WIDTH)).append(' ').append(number(projection.height()))
                .append("\" data-country=\"").append(escape(country)).append("\">\n");
        whole.ifPresent(r -> svg.append("<path class=\"country\" aria-hidden=\"true\" d=\"")
                .append(path(r.boundary(), projection)).append("\"/>\n"));
        for (Region region : regions) {
            // Region files can come from operators: every value is escaped, every name checked.
            String code = escape(region.code());
            svg.append("<path class=\"region\" id=\"region-").append(code)
                    .append("\" data-code=\"").append(code).append("\" data-kind=\"")
                    .append(escape(region.kind().code())).append("\" data-parent=\"")
                    .append(region.parent() == null ? "" : escape(region.parent())).append('"');
            new TreeMap<>(region.names()).forEach((lang, name) -> {
                if (LANGUAGE.matcher(lang).matches()) {
                    svg.append(" data-name-").append(lang.toLowerCase(Locale.ROOT)).append("=\"")
                            .append(escape(name)).append('"');
                }
            });
            svg.append(" d=\"").append(path(region.boundary(), projection)).append("\"/>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    /** Every ring of every polygon as one path; even-odd filling keeps holes open. */
    private static String path(Geometry geometry, Projection projection) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                ring(polygon.getExteriorRing(), projection, d);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    ring(polygon.getInteriorRingN(h), projection, d);
                }
            }
        }
        return d.toString();
    }

    private static void ring(LineString ring, Projection projection, StringBuilder d) {
        Coordinate[] points = ring.getCoordinates();
        // The last point repeats the first; Z closes the ring instead.
        for (int i = 0; i < points.length - 1; i++) {
            d.append(i == 0 ? 'M' : 'L').append(number(projection.x(points[i].x))).append(',')
                    .append(number(projection.y(points[i].y)));
        }
        d.append('Z');
    }

    /** Longitude and latitude to SVG units: x grows east, y grows south. */
    private record Projection(Envelope extent, double scale, double squeeze) {

        Projection(Envelope extent) {
            this(extent, WIDTH / (extent.getWidth() * squeeze(extent)), squeeze(extent));
        }

        private static double squeeze(Envelope extent) {
            return Math.cos(Math.toRadians((extent.getMinY() + extent.getMaxY()) / 2));
        }

        double x(double lon) {
            return (lon - extent.getMinX()) * squeeze * scale;
        }

        double y(double lat) {
            return (extent.getMaxY() - lat) * scale;
        }

        double height() {
            return extent.getHeight() * scale;
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
