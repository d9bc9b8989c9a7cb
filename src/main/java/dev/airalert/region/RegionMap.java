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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Regions as SVG documents, drawn from the gazetteer's boundaries, for the live map page: no
 * tiles and nothing from the internet, so it works on a shelter's local network. Each region
 * is a {@code <path>} carrying its code, kind, parent and names; the page colours it by state.
 *
 * <p>Two drawings share one projection per country, so the page lays one over the other: the
 * country's oblast-level regions (simplified for a phone: {@link OverviewOutlines}), and the
 * detail of one of them (its hromadas to click, its raions as outlines over them) at a
 * hundred times the precision, whose {@code viewBox} is the region's own box. Larger regions
 * are drawn first, so a city inside its oblast (Kyiv in Kyiv Oblast) stays on top and
 * clickable.
 */
@ApplicationScoped
public class RegionMap {

    /** Width of the country's drawing in SVG units; the height follows from its shape. */
    static final double WIDTH = 1000;
    /** One decimal for the country: a tenth of a pixel on a map 1000 pixels wide. */
    static final int OVERVIEW_DECIMALS = 1;
    /** Two for the detail: zoomed to one oblast, still under a tenth of a pixel. */
    static final int DETAIL_DECIMALS = 2;
    /** Language tags usable in an attribute name. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    private final Gazetteer gazetteer;
    private final Map<String, Optional<String>> drawn = new ConcurrentHashMap<>();

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

    /** The SVG of this country's oblast-level regions, or empty when none of them has a boundary. */
    Optional<String> svg(String country) {
        String key = country.toUpperCase(Locale.ROOT);
        return drawn.computeIfAbsent("country " + key, k -> Optional.ofNullable(drawCountry(key)));
    }

    /** The SVG of the regions inside this one, or empty when it is unknown or has none with a boundary. */
    Optional<String> svgWithin(String code) {
        return gazetteer.byCode(code).filter(r -> !r.isCountry()).flatMap(region -> drawn.computeIfAbsent(
                "within " + region.code(), k -> Optional.ofNullable(drawWithin(region))));
    }

    private List<Region> overviewRegions(String country) {
        return gazetteer.all().stream()
                .filter(r -> !r.isCountry() && !r.kind().isBelowOblast() && r.country().equals(country)
                        && r.boundary() != null)
                .sorted(Comparator.comparingDouble((Region r) -> -r.boundary().getArea()).thenComparing(Region::code))
                .toList();
    }

    private MapProjection projection(String country, List<Region> regions) {
        Envelope extent = new Envelope();
        regions.forEach(r -> extent.expandToInclude(r.boundary().getEnvelopeInternal()));
        gazetteer.byCode(country).filter(r -> r.boundary() != null)
                .ifPresent(r -> extent.expandToInclude(r.boundary().getEnvelopeInternal()));
        return new MapProjection(extent, WIDTH);
    }

    private String drawCountry(String country) {
        List<Region> regions = overviewRegions(country);
        if (regions.isEmpty()) {
            return null;
        }
        MapProjection projection = projection(country, regions);
        List<Geometry> outlines = OverviewOutlines.of(regions.stream().map(r -> projection.project(r.boundary())).toList());
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(number(WIDTH)).append(' ')
                .append(number(projection.height())).append("\" data-country=\"").append(escape(country)).append("\">\n");
        // The country under its regions shows only between them: its inland waters.
        Geometry waters = OverviewOutlines.between(outlines);
        if (gazetteer.byCode(country).map(Region::boundary).isPresent() && !waters.isEmpty()) {
            svg.append("<path class=\"country\" aria-hidden=\"true\" d=\"")
                    .append(SvgPath.of(waters, OVERVIEW_DECIMALS)).append("\"/>\n");
        }
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            // What the page may ask to see in detail (Kyiv and Sevastopol have nothing inside).
            String detail = hasRegionsInside(region) ? " data-detail=\"true\"" : "";
            path(svg, "region", region, SvgPath.of(outlines.get(i), OVERVIEW_DECIMALS), detail);
        }
        return svg.append("</svg>\n").toString();
    }

    /** Its smallest regions to click; the regions between, drawn over them as outlines. */
    private String drawWithin(Region area) {
        List<Region> below = gazetteer.descendants(area.code()).stream().map(gazetteer::byCode)
                .flatMap(Optional::stream).filter(r -> r.boundary() != null)
                .sorted(Comparator.comparingDouble((Region r) -> -r.boundary().getArea()).thenComparing(Region::code))
                .toList();
        if (below.isEmpty()) {
            return null;
        }
        MapProjection projection = projection(area.country(), overviewRegions(area.country()));
        Envelope box = new Envelope();
        below.forEach(r -> box.expandToInclude(projection.project(r.boundary()).getEnvelopeInternal()));
        StringBuilder svg = new StringBuilder(256 * 1024);
        // The box rounded outwards to the tenth, so that it holds every point drawn.
        double left = Math.floor(box.getMinX() * 10) / 10;
        double top = Math.floor(box.getMinY() * 10) / 10;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"").append(number(left)).append(' ')
                .append(number(top)).append(' ').append(number(Math.ceil(box.getMaxX() * 10) / 10 - left)).append(' ')
                .append(number(Math.ceil(box.getMaxY() * 10) / 10 - top)).append("\" data-within=\"").append(escape(area.code()))
                .append("\" data-country=\"").append(escape(area.country())).append("\">\n");
        List<Region> outlinesOnly = below.stream().filter(r -> hasDrawnChildren(r, below)).toList();
        below.stream().filter(r -> !outlinesOnly.contains(r)).forEach(r -> path(svg, "region", r,
                SvgPath.of(projection.project(r.boundary()), DETAIL_DECIMALS), ""));
        // Not filled and not in the way of a click: the hromadas under them are what is chosen.
        outlinesOnly.forEach(r -> path(svg, "raion", r, SvgPath.of(projection.project(r.boundary()), DETAIL_DECIMALS),
                " fill=\"none\" pointer-events=\"none\""));
        return svg.append("</svg>\n").toString();
    }

    private boolean hasRegionsInside(Region region) {
        return gazetteer.children(region.code()).stream().map(gazetteer::byCode)
                .anyMatch(r -> r.map(Region::boundary).isPresent());
    }

    private boolean hasDrawnChildren(Region region, List<Region> drawnRegions) {
        return drawnRegions.stream().anyMatch(r -> region.code().equals(r.parent()));
    }

    private static void path(StringBuilder svg, String cssClass, Region region, String d, String attributes) {
        // Region files can come from operators: every value is escaped, every name checked.
        String code = escape(region.code());
        svg.append("<path class=\"").append(cssClass).append("\" id=\"region-").append(code)
                .append("\" data-code=\"").append(code).append("\" data-kind=\"")
                .append(escape(region.kind().code())).append("\" data-parent=\"")
                .append(region.parent() == null ? "" : escape(region.parent())).append('"');
        new TreeMap<>(region.names()).forEach((lang, name) -> {
            if (LANGUAGE.matcher(lang).matches()) {
                svg.append(" data-name-").append(lang.toLowerCase(Locale.ROOT)).append("=\"")
                        .append(escape(name)).append('"');
            }
        });
        svg.append(attributes).append(" d=\"").append(d).append("\"/>\n");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
