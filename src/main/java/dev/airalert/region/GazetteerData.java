package dev.airalert.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The gazetteer's data once loaded, with its indexes; see {@link Gazetteer} for what it holds
 * and answers. Built in one go by its constructor and never changed after.
 */
final class GazetteerData {

    private static final String BUILT_IN = Gazetteer.BUILT_IN;
    private static final List<String> SUBREGIONS = Gazetteer.SUBREGIONS;
    private static final String ALIASES = Gazetteer.ALIASES;
    private static final String LOCATION_IDS = Gazetteer.LOCATION_IDS;
    private static final String ALERTS_IN_UA = Gazetteer.ALERTS_IN_UA;
    private static final String UKRAINEALARM = Gazetteer.UKRAINEALARM;
    private static final Logger LOG = Logger.getLogger(Gazetteer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Named(String code, Gazetteer.Reading reading) {
    }

    /**
     * A smallest region with a boundary: what shapes and points are tested against, with its
     * sample points. A point is tested against the boundary itself: a hromada has 115 points on
     * average, which a ray crosses in a microsecond, while a prepared boundary's index took
     * 17 MB for all of them (measured with a heap histogram).
     */
    private static final class Leaf {
        final Region region;
        volatile Coordinate[] samples;

        Leaf(Region region) {
            this.region = region;
        }

        boolean covers(Coordinate point) {
            return SimplePointInAreaLocator.locate(point, region.boundary()) != Location.EXTERIOR;
        }
    }

    /** A larger region's prepared boundary, indexed at its first use: where a point no leaf holds (in a reservoir) is looked for. */
    private record Outline(Region region, PreparedGeometry shape) {
    }

    /** Shapes with more points than this are indexed to tell which sample points they hold. */
    private static final int INDEXED_FROM_POINTS = 256;

    private final GeometryFactory geometry;
    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, String> codeByOtherCode = new HashMap<>();
    private final Map<String, List<Named>> byName = new HashMap<>();
    private final Map<String, String> codeByKatottg = new HashMap<>();
    private final Map<String, String> codeByKatottgUnit = new HashMap<>();
    private final Map<String, Map<String, String>> codeByLocationId = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, List<String>> ancestors = new HashMap<>();
    private final Map<String, List<String>> descendants = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> cityNames = new HashMap<>();
    private final Map<String, Leaf> leafByCode = new HashMap<>();
    private final STRtree leaves = new STRtree();
    private final STRtree outlines = new STRtree();

    /** The built-in regions, then those of {@code files} in order. */
    GazetteerData(List<Path> files, Optional<Path> locationIds, GeometryFactory geometry) {
        this.geometry = geometry;
        long started = System.nanoTime();
        long cpu = cpuNanos();
        try {
            Map<String, Region> loaded = new LinkedHashMap<>();
            // The built-in boundaries are valid as shipped (BuiltInBoundariesTest checks every one):
            // not checked again at each start, where the detailed outlines cost a second or two.
            builtIn(BUILT_IN).forEach(r -> loaded.put(key(r.code()), r));
            List<Region> subregions = new ArrayList<>();
            for (String resource : SUBREGIONS) {
                subregions.addAll(builtIn(resource));
            }
            SubregionNames.Completed completed = SubregionNames.complete(subregions);
            completed.cityNames().forEach((code, names) -> cityNames.computeIfAbsent(code, c -> new HashSet<>())
                    .addAll(names.stream().map(NameKey::of).toList()));
            for (Region r : completed.regions()) {
                Region parent = r.parent() == null ? null : loaded.get(key(r.parent()));
                if (r.kind() == RegionKind.HROMADA && parent != null && parent.kind() == RegionKind.CITY) {
                    // Kyiv's and Sevastopol's KATOTTG hromadas are the cities themselves.
                    loaded.put(key(parent.code()), parent.withOtherCode(r.code()).withBoundary(r.boundary())
                            .withNames(Map.of(), new ArrayList<>(r.names().values())));
                } else {
                    loaded.put(key(r.code()), r);
                }
            }
            addAliases(loaded);
            try (InputStream ids = locationIds.isPresent() ? Files.newInputStream(locationIds.get())
                    : resource(LOCATION_IDS)) {
                addLocationIds(loaded, JSON.readTree(ids), locationIds.map(Path::toString).orElse(LOCATION_IDS));
            }
            for (Path file : files) {
                try (InputStream extra = Files.newInputStream(file)) {
                    List<Region> more = GeoJsonRegions.read(extra, file.toString(), geometry);
                    more.forEach(r -> loaded.put(key(r.code()), valid(r)));
                    LOG.infof("Loaded %d regions from %s", more.size(), file);
                }
            }
            loaded.values().forEach(r -> byCode.put(key(r.code()), r));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the gazetteer", e);
        }
        // Asked for before the service reports ready (the alerts in force are checked against it):
        // worked out on a thread of its own while this one builds the indexes. Both read the
        // boundaries' envelopes, which JTS works out at first use into plain fields: worked out
        // here, before the thread starts, neither writes what the other reads.
        byCode.values().forEach(r -> {
            if (r.boundary() != null) {
                r.boundary().getEnvelopeInternal();
            }
        });
        Thread hashing = new Thread(() -> {
            try {
                version.complete(versionOf(byCode.values()));
            } catch (RuntimeException | Error e) {
                version.completeExceptionally(e);
            }
        }, "airalert-regions-version");
        hashing.setDaemon(true);
        hashing.start();
        index();
        long cpuUsed = cpu < 0 ? -1 : cpuNanos() - cpu;
        LOG.infof("Gazetteer: %d regions, loaded in %.0f ms%s", byCode.size(), (System.nanoTime() - started) / 1e6,
                cpuUsed < 0 ? "" : String.format(Locale.ROOT, " (%.0f ms of CPU)", cpuUsed / 1e6));
    }

    private List<Region> builtIn(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return GeoJsonRegions.read(in, name, geometry);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The built-in region data " + name + " is missing");
        }
        return in;
    }

    /** Simplified outlines can self-intersect; shape tests need valid polygons. */
    private static Region valid(Region region) {
        Geometry boundary = region.boundary();
        return boundary != null && !boundary.isValid() ? region.withBoundary(GeometryFixer.fix(boundary)) : region;
    }

    private void addAliases(Map<String, Region> loaded) throws IOException {
        try (InputStream in = resource(ALIASES)) {
            JsonNode aliases = JSON.readTree(in).path("aliases");
            aliases.fields().forEachRemaining(e -> {
                Region region = loaded.get(key(e.getKey()));
                if (region == null) {
                    throw new IllegalStateException(ALIASES + ": no region " + e.getKey());
                }
                List<String> names = new ArrayList<>();
                e.getValue().forEach(n -> names.add(n.asText()));
                loaded.put(key(region.code()), region.withNames(Map.of(), names));
                cityNames.computeIfAbsent(region.code(), c -> new HashSet<>()).addAll(names.stream().map(NameKey::of).toList());
            });
        }
    }

    /**
     * The other services' ids, matched to regions by KATOTTG code (or by ISO code for the
     * oblasts): a row for a place this gazetteer does not know is reported and skipped.
     */
    private void addLocationIds(Map<String, Region> loaded, JsonNode table, String source) {
        Map<String, String> codeByKatottg = new HashMap<>();
        loaded.values().forEach(r -> {
            if (r.katottg() != null) {
                codeByKatottg.put(key(r.katottg()), r.code());
            }
            r.otherCodes().forEach(c -> codeByKatottg.put(key(c), r.code()));
        });
        int skipped = 0;
        for (JsonNode row : table.path("locations")) {
            String katottg = row.path("katottg").asText(null);
            String iso = row.path("iso").asText(null);
            String code = iso != null && loaded.containsKey(key(iso)) ? iso
                    : katottg == null ? null : codeByKatottg.get(key(katottg));
            if (code == null) {
                skipped++;
                continue;
            }
            Map<String, String> ids = new LinkedHashMap<>();
            putText(ids, ALERTS_IN_UA, row.path("uid"));
            putText(ids, UKRAINEALARM, row.path("ukrainealarmRegionId"));
            Region region = loaded.get(key(code));
            loaded.put(key(code), region.withLocationIds(ids));
        }
        if (skipped > 0) {
            LOG.infof("%s: %d rows name no place with a KATOTTG code here (city-level ids); skipped", source, skipped);
        }
    }

    private static void putText(Map<String, String> ids, String scheme, JsonNode value) {
        if (value.isTextual() || value.isNumber()) {
            ids.put(scheme, value.asText());
        }
    }

    private void index() {
        for (Region region : byCode.values()) {
            if (region.parent() != null) {
                children.computeIfAbsent(key(region.parent()), p -> new ArrayList<>()).add(region.code());
            }
            region.otherCodes().forEach(c -> codeByOtherCode.put(key(c), region.code()));
            region.locationIds().forEach((scheme, id) -> codeByLocationId
                    .computeIfAbsent(scheme, s -> new HashMap<>()).put(id, region.code()));
            for (String katottg : katottgCodes(region)) {
                codeByKatottg.putIfAbsent(key(katottg), region.code());
                Katottg.unit(katottg).ifPresent(unit -> codeByKatottgUnit.putIfAbsent(unit, region.code()));
            }
        }
        for (Region region : byCode.values()) {
            ancestors.put(key(region.code()), List.copyOf(walkUp(region)));
            indexNames(region);
        }
        for (Region region : byCode.values()) {
            if (region.boundary() == null) {
                continue;
            }
            boolean hasSmaller = children.getOrDefault(key(region.code()), List.of()).stream()
                    .anyMatch(c -> byCode.get(key(c)).boundary() != null);
            if (hasSmaller) {
                outlines.insert(region.boundary().getEnvelopeInternal(),
                        new Outline(region, PreparedGeometryFactory.prepare(region.boundary())));
            } else {
                Leaf leaf = new Leaf(region);
                leafByCode.put(region.code(), leaf);
                leaves.insert(region.boundary().getEnvelopeInternal(), leaf);
            }
        }
        leaves.build();
        outlines.build();
    }

    private static List<String> katottgCodes(Region region) {
        List<String> codes = new ArrayList<>(region.otherCodes());
        if (region.katottg() != null) {
            codes.add(region.katottg());
        }
        return codes;
    }

    private List<String> walkUp(Region region) {
        List<String> found = new ArrayList<>();
        Region at = region;
        while (at.parent() != null && !found.contains(at.parent())) {
            found.add(at.parent());
            at = byCode.get(key(at.parent()));
            if (at == null) {
                break;
            }
        }
        return found;
    }

    /** Codes, names and aliases; a key several regions share is ambiguous, never first come first served. */
    private void indexNames(Region region) {
        Set<String> cities = cityNames.getOrDefault(region.code(), Set.of());
        name(region.code(), region.code(), Gazetteer.Reading.CODE);
        region.otherCodes().forEach(c -> name(c, region.code(), Gazetteer.Reading.CODE));
        region.names().values().forEach(n -> name(n, region.code(), Gazetteer.Reading.NAME));
        for (String alias : region.aliases()) {
            String key = NameKey.of(alias);
            name(key, region.code(), cities.contains(key) ? Gazetteer.Reading.CITY : Gazetteer.Reading.ALIAS);
        }
    }

    private void name(String name, String code, Gazetteer.Reading reading) {
        String key = NameKey.of(name);
        if (key.isEmpty()) {
            return;
        }
        List<Named> owners = byName.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (owners.stream().noneMatch(n -> n.code().equals(code))) {
            owners.add(new Named(code, reading));
        }
    }

    private static String key(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    public Collection<Region> all() {
        return Collections.unmodifiableCollection(byCode.values());
    }

    /** A region by its code or another code of it (Kyiv's KATOTTG code is Kyiv, UA-30). */
    public Optional<Region> byCode(String code) {
        String k = key(code);
        Region region = byCode.get(k);
        if (region == null && codeByOtherCode.containsKey(k)) {
            region = byCode.get(key(codeByOtherCode.get(k)));
        }
        return Optional.ofNullable(region);
    }

    /** What a code or name means, in any language: no region, one, or several. */
    public Gazetteer.NameMatch byName(String name) {
        Optional<Region> coded = byCode(name);
        if (coded.isPresent()) {
            return new Gazetteer.NameMatch(List.of(coded.get()), Gazetteer.Reading.CODE);
        }
        List<Named> owners = byName.get(NameKey.of(name));
        if (owners == null) {
            return Gazetteer.NameMatch.NONE;
        }
        List<Region> regions = owners.stream().map(n -> byCode.get(key(n.code())))
                .sorted(Comparator.comparing(Region::code)).toList();
        return new Gazetteer.NameMatch(regions, owners.get(0).reading());
    }

    /**
     * The region a KATOTTG code names, and whether it names all of it: a hromada's code is
     * the hromada; a village's code is part of its hromada.
     */
    public Optional<Map.Entry<Region, Boolean>> byKatottg(String code) {
        String exact = codeByKatottg.get(key(code));
        if (exact != null) {
            return Optional.of(Map.entry(byCode.get(key(exact)), true));
        }
        for (String unit : Katottg.enclosingUnits(code)) {
            String owner = codeByKatottgUnit.get(unit);
            if (owner != null) {
                return Optional.of(Map.entry(byCode.get(key(owner)), false));
            }
        }
        return Optional.empty();
    }

    /** A region by its id in another alert service ({@link #ALERTS_IN_UA}, {@link #UKRAINEALARM}). */
    public Optional<Region> byLocationId(String scheme, String id) {
        return Optional.ofNullable(codeByLocationId.getOrDefault(scheme, Map.of()).get(id.trim()))
                .map(c -> byCode.get(key(c)));
    }

    /** Regions whose names or aliases contain the text, in any language; exact matches first. */
    public List<Region> search(String text) {
        String k = NameKey.of(text);
        if (k.isEmpty()) {
            return List.of();
        }
        Set<Region> found = new LinkedHashSet<>(byName(text).regions());
        List<Region> containing = new ArrayList<>();
        byName.forEach((name, owners) -> {
            if (name.contains(k)) {
                owners.forEach(n -> containing.add(byCode.get(key(n.code()))));
            }
        });
        containing.stream().distinct().sorted(Comparator.comparingInt((Region r) -> depth(r.code()))
                .thenComparing(Region::code)).forEach(found::add);
        return List.copyOf(found);
    }

    /** Every region whose boundary contains the point, from the country down to the smallest. */
    @SuppressWarnings("unchecked")
    public List<Region> containing(LatLon point) {
        Coordinate at = new Coordinate(point.lon(), point.lat());
        Set<String> codes = new LinkedHashSet<>();
        for (Leaf leaf : (List<Leaf>) leaves.query(new Envelope(at))) {
            if (leaf.covers(at)) {
                codes.addAll(ancestors(leaf.region.code()));
                codes.add(leaf.region.code());
            }
        }
        if (codes.isEmpty()) {
            // Water inside an oblast (a reservoir) is in no hromada, but still in the oblast.
            for (Outline outline : (List<Outline>) outlines.query(new Envelope(at))) {
                if (outline.shape().covers(geometry.createPoint(at))) {
                    codes.add(outline.region().code());
                }
            }
        }
        return codes.stream().map(c -> byCode.get(key(c))).filter(Objects::nonNull)
                .sorted(Comparator.comparingInt((Region r) -> depth(r.code())).thenComparing(Region::code)).toList();
    }

    /**
     * The regions the shape covers, with whether whole (true) or in part, at the most
     * precise level: a region whose every child is covered whole is given instead of them.
     */
    @SuppressWarnings("unchecked")
    public Map<Region, Boolean> touchedBy(Geometry shape) {
        // A shape of a few hundred points is crossed by a ray faster than an index of it is
        // built (which was half of what resolving an alert allocated); a larger one is indexed.
        PointOnGeometryLocator inShape = shape.getNumPoints() <= INDEXED_FROM_POINTS
                ? new SimplePointInAreaLocator(shape) : new IndexedPointInAreaLocator(shape);
        Envelope box = shape.getEnvelopeInternal();
        Coordinate inside = null;
        Map<String, Boolean> wholeByCode = new LinkedHashMap<>();
        for (Leaf leaf : (List<Leaf>) leaves.query(box)) {
            Coordinate[] samples = samples(leaf);
            int whole = wholeAt(samples.length);
            int held = 0;
            // Most leaves a shape's box meets are its neighbours, which it only touches: their
            // samples fall outside its box, and once some are held and too many missed, the
            // leaf is known to be covered in part.
            for (int i = 0; i < samples.length && held < whole && (held == 0 || held + samples.length - i >= whole); i++) {
                if (box.contains(samples[i]) && inShape.locate(samples[i]) != Location.EXTERIOR) {
                    held++;
                }
            }
            if (held >= whole) {
                wholeByCode.put(leaf.region.code(), true);
            } else if (held > 0) {
                wholeByCode.put(leaf.region.code(), false);
            } else {
                // A shape smaller than the gaps between the samples may lie inside the leaf.
                inside = inside != null ? inside : shape.getInteriorPoint().getCoordinate();
                if (leaf.covers(inside)) {
                    wholeByCode.put(leaf.region.code(), false);
                }
            }
        }
        Map<Region, Boolean> touched = new LinkedHashMap<>();
        mostPrecise(wholeByCode).forEach((code, whole) -> touched.put(byCode.get(key(code)), whole));
        return touched;
    }

    /**
     * Codes with whether each is covered whole, rolled up: a region with a boundary whose
     * every child is covered whole stands for them (up to the oblast: a country is named only
     * when an alert names it), and nothing inside a region covered whole is listed besides it.
     */
    public Map<String, Boolean> mostPrecise(Map<String, Boolean> wholeByCode) {
        Map<String, Boolean> result = new LinkedHashMap<>();
        wholeByCode.forEach((code, whole) -> byCode(code).ifPresentOrElse(
                r -> result.merge(r.code(), whole, Boolean::logicalOr), () -> result.merge(code, whole, Boolean::logicalOr)));
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<String> parents = new LinkedHashSet<>();
            result.forEach((code, whole) -> byCode(code).map(Region::parent).filter(p -> whole).ifPresent(parents::add));
            for (String parent : parents) {
                Region p = byCode.get(key(parent));
                List<String> kids = children.getOrDefault(key(parent), List.of());
                if (p != null && p.boundary() != null && !p.isCountry() && !Boolean.TRUE.equals(result.get(p.code()))
                        && kids.stream().allMatch(k -> Boolean.TRUE.equals(result.get(k)))) {
                    result.put(p.code(), true);
                    changed = true;
                }
            }
        }
        Map<String, Boolean> precise = new LinkedHashMap<>();
        result.forEach((code, whole) -> {
            boolean insideWhole = ancestors(code).stream().anyMatch(a -> Boolean.TRUE.equals(result.get(a)));
            if (!insideWhole) {
                precise.put(code, whole);
            }
        });
        return precise;
    }

    /**
     * Makes every region's sample points now rather than at the first alert with a shape
     * there: run after the data is published, so that it costs the start-up nothing.
     */
    void warm() {
        leafByCode.values().forEach(this::samples);
    }

    /**
     * How many of a region's points a shape must hold to cover it whole: all but one in twenty,
     * so that a publisher's outline of a hromada, simplified at the corners, still covers it.
     */
    private static int wholeAt(int samples) {
        return samples - samples / 20;
    }

    /** About 32 points spread over the leaf, made when first needed and kept. */
    private Coordinate[] samples(Leaf leaf) {
        Coordinate[] samples = leaf.samples;
        if (samples == null) {
            samples = AreaSamples.of(leaf.region.boundary(), leaf.region.centre());
            leaf.samples = samples;
        }
        return samples;
    }

    /** The codes of the region's parent, its parent's parent, and so on up to the country. */
    public List<String> ancestors(String code) {
        List<String> found = ancestors.get(key(code));
        if (found == null) {
            found = byCode(code).map(r -> ancestors.get(key(r.code()))).orElse(List.of());
        }
        return found;
    }

    /** The codes of the regions directly below this one. */
    public List<String> children(String code) {
        return byCode(code).map(r -> children.getOrDefault(key(r.code()), List.<String>of())).orElse(List.of());
    }

    /** The codes of every region below this one. */
    public List<String> descendants(String code) {
        return byCode(code).map(r -> descendants.computeIfAbsent(key(r.code()), k -> {
            List<String> found = new ArrayList<>();
            List<String> next = new ArrayList<>(children.getOrDefault(k, List.of()));
            while (!next.isEmpty()) {
                found.addAll(next);
                List<String> below = new ArrayList<>();
                next.forEach(c -> below.addAll(children.getOrDefault(key(c), List.of())));
                next = below;
            }
            return List.copyOf(found);
        })).orElse(List.of());
    }

    /**
     * Bumped when the rules that turn areas into regions change in code (not in data), so
     * that a release with new rules resolves the alerts in force again.
     */
    private static final String RULES = "raions-and-hromadas-1";
    private final CompletableFuture<String> version = new CompletableFuture<>();

    /** See {@link Gazetteer#version()}; worked out while the data is indexed (again if that failed). */
    String version() {
        try {
            return version.join();
        } catch (CompletionException e) {
            LOG.warnf(e.getCause(), "Working out the region data's version failed; trying again");
            return versionOf(byCode.values());
        }
    }

    /** This thread's CPU time, or -1 where the JVM does not measure it. */
    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }

    private static String versionOf(Collection<Region> regions) {
        StringBuilder text = new StringBuilder();
        field(text, RULES);
        regions.stream().sorted(Comparator.comparing(Region::code)).forEach(region -> {
            field(text, region.code());
            field(text, region.kind().code());
            field(text, region.parent());
            field(text, region.katottg());
            region.otherCodes().forEach(c -> field(text, c));
            new TreeMap<>(region.names()).forEach((language, name) -> {
                field(text, language);
                field(text, name);
            });
            field(text, String.valueOf(region.aliases().size()));
            region.aliases().stream().sorted().forEach(alias -> field(text, alias));
            new TreeMap<>(region.locationIds()).forEach((scheme, id) -> field(text, scheme + "=" + id));
            field(text, region.boundary() == null ? null
                    : region.boundary().getNumPoints() + " " + region.boundary().getEnvelopeInternal());
        });
        return Sha256.hex(text.toString());
    }

    /** Length-prefixed, so no two different region lists read as the same text. */
    private static void field(StringBuilder text, String value) {
        text.append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value);
    }

    /** How many levels above it: 0 for a country. */
    public int depth(String code) {
        return ancestors(code).size();
    }
}
