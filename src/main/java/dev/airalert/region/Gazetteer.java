package dev.airalert.region;

import dev.airalert.AirAlertConfig;
import dev.airalert.Sha256;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Every known region, loaded once at start and held in memory: the built-in gazetteer
 * (Ukraine, its 27 regions, the Russian border regions) and any GeoJSON files named in
 * configuration. Answers "which region is this code, name or KATOTTG code", "which regions
 * contain this point" and "which regions does this shape touch".
 */
@Startup
@ApplicationScoped
public class Gazetteer {

    static final String BUILT_IN = "regions/gazetteer.geojson";
    private static final Logger LOG = Logger.getLogger(Gazetteer.class);

    private final GeometryFactory geometry = new GeometryFactory();
    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, String> codeByName = new HashMap<>();
    private final Map<String, String> codeByKatottg = new HashMap<>();
    private final Map<String, PreparedGeometry> shapes = new HashMap<>();
    private final STRtree index = new STRtree();

    @Inject
    Gazetteer(AirAlertConfig config) {
        this(config.regions().files().orElse(List.of()));
    }

    /** The built-in regions, then those of {@code files} in order. */
    Gazetteer(List<Path> files) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The built-in gazetteer " + BUILT_IN + " is missing");
            }
            GeoJsonRegions.read(in, BUILT_IN, geometry).forEach(this::put);
            for (Path file : files) {
                try (InputStream extra = Files.newInputStream(file)) {
                    List<Region> loaded = GeoJsonRegions.read(extra, file.toString(), geometry);
                    loaded.forEach(this::put);
                    LOG.infof("Loaded %d regions from %s", loaded.size(), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the gazetteer", e);
        }
        indexNamesAndShapes();
        LOG.infof("Gazetteer: %d regions", byCode.size());
    }

    private void put(Region region) {
        Geometry boundary = region.boundary();
        if (boundary != null && !boundary.isValid()) {
            // Simplified outlines can self-intersect; shape tests need valid polygons.
            boundary = GeometryFixer.fix(boundary);
            region = new Region(region.code(), region.country(), region.kind(), region.parent(),
                    region.katottg(), region.names(), region.aliases(), region.centre(), boundary);
        }
        byCode.put(region.code().toUpperCase(Locale.ROOT), region);
    }

    /** Names index, first come first served, so that a later file cannot steal a name silently. */
    private void indexNamesAndShapes() {
        for (Region region : byCode.values()) {
            Stream.concat(Stream.of(region.code()), Stream.concat(region.names().values().stream(),
                    region.aliases().stream())).map(NameKey::of).filter(k -> !k.isEmpty())
                    .forEach(key -> {
                        String owner = codeByName.putIfAbsent(key, region.code());
                        if (owner != null && !owner.equals(region.code())) {
                            LOG.warnf("Region name '%s' of %s is already %s's; kept for %s", key,
                                    region.code(), owner, owner);
                        }
                    });
            if (region.katottg() != null) {
                codeByKatottg.put(region.katottg().toUpperCase(Locale.ROOT), region.code());
            }
            if (region.boundary() != null) {
                shapes.put(region.code(), PreparedGeometryFactory.prepare(region.boundary()));
                index.insert(region.boundary().getEnvelopeInternal(), region);
            }
        }
        index.build();
    }

    public GeometryFactory geometryFactory() {
        return geometry;
    }

    public Collection<Region> all() {
        return byCode.values();
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** A region by its code or any of its names and aliases, in any language. */
    public Optional<Region> byName(String name) {
        return byCode(name).or(() -> Optional.ofNullable(codeByName.get(NameKey.of(name))).map(byCode::get));
    }

    /** A region by its exact KATOTTG code. */
    public Optional<Region> byKatottg(String code) {
        return Optional.ofNullable(codeByKatottg.get(code.trim().toUpperCase(Locale.ROOT))).map(byCode::get);
    }

    /**
     * The region a lower-level KATOTTG code (a district or community) lies in: KATOTTG
     * codes start with the two digits of their first-level region.
     */
    public Optional<Region> enclosingKatottg(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (upper.length() < 4) {
            return Optional.empty();
        }
        return byCode.values().stream().filter(r -> r.katottg() != null
                && r.katottg().regionMatches(true, 0, upper, 0, 4)).findFirst();
    }

    /** Regions whose names or aliases contain the text, in any language; best matches first. */
    public List<Region> search(String text) {
        String key = NameKey.of(text);
        if (key.isEmpty()) {
            return List.of();
        }
        Set<Region> exact = new LinkedHashSet<>();
        byName(text).ifPresent(exact::add);
        codeByName.entrySet().stream().filter(e -> e.getKey().contains(key))
                .map(e -> byCode.get(e.getValue())).sorted(Comparator.comparing(Region::code))
                .forEach(exact::add);
        return List.copyOf(exact);
    }

    /** Every region whose boundary contains the point, countries included, smallest last. */
    @SuppressWarnings("unchecked")
    public List<Region> containing(LatLon point) {
        Geometry p = point.toPoint(geometry);
        List<Region> found = new ArrayList<>();
        for (Region candidate : (List<Region>) index.query(p.getEnvelopeInternal())) {
            if (shapes.get(candidate.code()).covers(p)) {
                found.add(candidate);
            }
        }
        found.sort(Comparator.comparing(Region::isCountry).reversed().thenComparing(Region::code));
        return found;
    }

    /** Regions below country level that the shape touches, with whether it covers them whole. */
    @SuppressWarnings("unchecked")
    public Map<Region, Boolean> touchedBy(Geometry shape) {
        Map<Region, Boolean> touched = new LinkedHashMap<>();
        for (Region candidate : (List<Region>) index.query(shape.getEnvelopeInternal())) {
            PreparedGeometry boundary = shapes.get(candidate.code());
            if (!candidate.isCountry() && boundary.intersects(shape)) {
                touched.put(candidate, shape.covers(candidate.boundary()));
            }
        }
        return touched;
    }

    /** The codes of the region's parent, its parent's parent, and so on. */
    public List<String> ancestors(String code) {
        List<String> found = new ArrayList<>();
        Region region = byCode.get(code.toUpperCase(Locale.ROOT));
        while (region != null && region.parent() != null && !found.contains(region.parent())) {
            found.add(region.parent());
            region = byCode.get(region.parent().toUpperCase(Locale.ROOT));
        }
        return found;
    }

    /** The codes of every region below this one. */
    public List<String> descendants(String code) {
        List<String> found = new ArrayList<>();
        for (Region region : byCode.values()) {
            if (!region.code().equalsIgnoreCase(code) && ancestors(region.code()).contains(code)) {
                found.add(region.code());
            }
        }
        return found;
    }

    private volatile String version;

    /**
     * The version of the region data as resolution reads it: SHA-256 (hex) over every region's
     * code, kind, parent, KATOTTG code, names and aliases, in code order. Outlines are not part
     * of it. Computed once, when first asked.
     */
    public String version() {
        String known = version;
        if (known == null) {
            StringBuilder text = new StringBuilder();
            byCode.values().stream().sorted(Comparator.comparing(Region::code)).forEach(region -> {
                field(text, region.code());
                field(text, region.kind().code());
                field(text, region.parent());
                field(text, region.katottg());
                field(text, String.valueOf(region.names().size()));
                new TreeMap<>(region.names()).forEach((language, name) -> {
                    field(text, language);
                    field(text, name);
                });
                field(text, String.valueOf(region.aliases().size()));
                region.aliases().stream().sorted().forEach(alias -> field(text, alias));
            });
            known = Sha256.hex(text.toString());
            version = known;
        }
        return known;
    }

    /** Length-prefixed, so no two different region lists read as the same text. */
    private static void field(StringBuilder text, String value) {
        text.append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value);
    }
}
