package dev.airalert.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.AirAlertConfig;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.Region;
import dev.airalert.region.RegionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The places of alerts.in.ua and ukrainealarm, from the table the gazetteer takes their ids
 * from (built in, or the operator's {@code airalert.regions.location-ids}): each location's id
 * in both services, its Ukrainian title and type as they write them, its parent, and the
 * region it is here. Read on first use, once.
 */
@ApplicationScoped
public class Locations {

    /** alerts.in.ua's oblast-level ids in the order of its IoT string (Crimea first, then by name). */
    static final List<String> IOT_OBLAST_ORDER = List.of("29", "8", "4", "9", "28", "10", "11", "12", "13", "31",
            "14", "15", "16", "27", "17", "18", "19", "5", "30", "20", "21", "22", "23", "3", "24", "26", "25");

    /** The largest id the one-character-per-id IoT string has a place for (alerts.in.ua's reach about 6,300). */
    static final int MAX_IOT_UID = 100_000;

    /**
     * One place: {@code uid} its alerts.in.ua id, {@code regionId} its ukrainealarm id (null when
     * it has none), {@code type} oblast, raion, hromada or city, {@code code} the region here
     * (null for the few cities that are no region of the gazetteer).
     */
    public record Location(String uid, String regionId, String title, String type, String parentUid, String code) {
    }

    /** The table, indexed. */
    record Table(Map<String, Location> byUid, Map<String, Location> byRegionId, Map<String, Location> byCode,
            Map<String, List<Location>> children, int maxUid) {
    }

    private final AirAlertConfig config;
    private final Gazetteer gazetteer;
    private final RegionResolver resolver;
    private volatile Table table;

    Locations(AirAlertConfig config, Gazetteer gazetteer, RegionResolver resolver) {
        this.config = config;
        this.gazetteer = gazetteer;
        this.resolver = resolver;
    }

    Table table() {
        Table t = table;
        if (t == null) {
            synchronized (this) {
                if (table == null) {
                    table = read();
                }
                t = table;
            }
        }
        return t;
    }

    Optional<Location> byUid(String uid) {
        return Optional.ofNullable(table().byUid().get(uid));
    }

    Optional<Location> byRegionId(String regionId) {
        return Optional.ofNullable(table().byRegionId().get(regionId));
    }

    /** The location of this region, if both services know it. */
    Optional<Location> byCode(String code) {
        return Optional.ofNullable(table().byCode().get(code));
    }

    List<Location> children(String uid) {
        return table().children().getOrDefault(uid, List.of());
    }

    /** The oblast-level location this one lies in, or itself. */
    Location oblastOf(Location location) {
        Location at = location;
        while (at.parentUid() != null && table().byUid().containsKey(at.parentUid())) {
            at = table().byUid().get(at.parentUid());
        }
        return at;
    }

    /** The raion a hromada lies in, a raion itself, nothing for an oblast. */
    Optional<Location> raionOf(Location location) {
        if ("raion".equals(location.type())) {
            return Optional.of(location);
        }
        return Optional.ofNullable(location.parentUid()).map(table().byUid()::get)
                .filter(p -> "raion".equals(p.type()));
    }

    /**
     * The locations that stand for this region: its own, or, for a region neither service has
     * (the whole country), the nearest ones inside it.
     */
    List<Location> standingFor(String code) {
        Optional<Location> own = byCode(code);
        if (own.isPresent()) {
            return List.of(own.get());
        }
        List<Location> found = new ArrayList<>();
        for (String child : gazetteer.children(code)) {
            found.addAll(standingFor(child));
        }
        return found;
    }

    /** ukrainealarm's order: by region id as a number (ids are digit strings). */
    static final Comparator<Location> BY_REGION_ID = Comparator
            .comparing((Location l) -> l.regionId().length()).thenComparing(Location::regionId);

    /** The locations with a ukrainealarm id that stand for this region ({@link #standingFor}). */
    List<Location> withRegionIds(String code) {
        return standingFor(code).stream().filter(l -> l.regionId() != null).toList();
    }

    /** The alerts on each location with a ukrainealarm id, in its order: what its answers and webhooks show. */
    Map<Location, List<ActiveThreats.Active>> byRegionId(Collection<ActiveThreats.Active> active) {
        Map<Location, List<ActiveThreats.Active>> on = new TreeMap<>(BY_REGION_ID);
        for (ActiveThreats.Active a : active) {
            for (Location at : withRegionIds(a.code())) {
                on.computeIfAbsent(at, l -> new ArrayList<>()).add(a);
            }
        }
        return on;
    }

    /** The codes of a region, the regions inside it and those it lies in. */
    Set<String> related(String code) {
        return resolver.withRelatives(code);
    }

    private Table read() {
        Optional<Path> file = config.regions().locationIds();
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(Gazetteer.LOCATION_IDS)) {
            if (in == null) {
                throw new IllegalStateException(Gazetteer.LOCATION_IDS + " is missing from the service");
            }
            return index(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the location table", e);
        }
    }

    private Table index(JsonNode root) {
        Map<String, Location> byUid = new LinkedHashMap<>();
        Map<String, Location> byRegionId = new HashMap<>();
        Map<String, Location> byCode = new HashMap<>();
        Map<String, List<Location>> children = new HashMap<>();
        int maxUid = 0;
        for (JsonNode row : root.path("locations")) {
            String uid = row.path("uid").asText();
            String regionId = row.path("ukrainealarmRegionId").isMissingNode() || row.path("ukrainealarmRegionId").isNull()
                    ? null : row.path("ukrainealarmRegionId").asText();
            String code = gazetteer.byLocationId(Gazetteer.ALERTS_IN_UA, uid).map(Region::code).orElse(null);
            Location location = new Location(uid, regionId, row.path("name").asText(), row.path("type").asText(),
                    row.path("parentUid").isNull() || row.path("parentUid").isMissingNode() ? null
                            : row.path("parentUid").asText(), code);
            byUid.put(uid, location);
            if (regionId != null) {
                byRegionId.put(regionId, location);
            }
            if (code != null) {
                byCode.putIfAbsent(code, location);
            }
            if (location.parentUid() != null) {
                children.computeIfAbsent(location.parentUid(), p -> new ArrayList<>()).add(location);
            }
            try {
                int number = Integer.parseInt(uid);
                if (number <= MAX_IOT_UID) {
                    maxUid = Math.max(maxUid, number);
                }
            } catch (NumberFormatException e) {
                // An operator's table may use ids that are no numbers: they have no place in the IoT string.
            }
        }
        return new Table(Collections.unmodifiableMap(byUid), Map.copyOf(byRegionId), Map.copyOf(byCode),
                Map.copyOf(children), maxUid);
    }
}
