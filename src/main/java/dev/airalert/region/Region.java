package dev.airalert.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A place alerts can cover: its code (ISO 3166-2 for an oblast, ISO 3166-1 for a country,
 * KATOTTG for a raion or hromada), where it sits in the hierarchy, what people call it, and
 * its shape. {@code boundary} may be null (a country whose outline is not shipped); such a
 * region is found by code and name only. {@code otherCodes} are more codes of the same place
 * (Kyiv, UA-30, is also the KATOTTG hromada UA80000000000093317: one region, never two);
 * {@code locationIds} its ids in other alert services, by scheme ({@code alerts.in.ua},
 * {@code ukrainealarm}).
 */
public record Region(String code, String country, RegionKind kind, String parent,
        String katottg, Map<String, String> names, List<String> aliases, LatLon centre,
        Geometry boundary, List<String> otherCodes, Map<String, String> locationIds) {

    public Region {
        names = Map.copyOf(names);
        aliases = List.copyOf(aliases);
        otherCodes = List.copyOf(otherCodes);
        locationIds = Map.copyOf(locationIds);
    }

    public Region(String code, String country, RegionKind kind, String parent, String katottg,
            Map<String, String> names, List<String> aliases, LatLon centre, Geometry boundary) {
        this(code, country, kind, parent, katottg, names, aliases, centre, boundary, List.of(), Map.of());
    }

    public boolean isCountry() {
        return kind == RegionKind.COUNTRY;
    }

    /** The name in this language, else in English, else any. */
    public String name(String language) {
        String name = names.get(language);
        if (name == null) {
            name = names.getOrDefault("en", names.values().stream().findFirst().orElse(code));
        }
        return name;
    }

    Region withBoundary(Geometry newBoundary) {
        return new Region(code, country, kind, parent, katottg, names, aliases, centre, newBoundary,
                otherCodes, locationIds);
    }

    /** These names added where the region has none in that language, and these aliases after its own. */
    Region withNames(Map<String, String> moreNames, List<String> moreAliases) {
        Map<String, String> allNames = new LinkedHashMap<>(moreNames);
        allNames.putAll(names);
        List<String> allAliases = new ArrayList<>(aliases);
        moreAliases.stream().filter(a -> !allAliases.contains(a) && !allNames.containsValue(a)).forEach(allAliases::add);
        return new Region(code, country, kind, parent, katottg, allNames, allAliases, centre, boundary,
                otherCodes, locationIds);
    }

    Region withOtherCode(String other) {
        List<String> codes = new ArrayList<>(otherCodes);
        codes.add(other);
        return new Region(code, country, kind, parent, katottg, names, aliases, centre, boundary, codes,
                locationIds);
    }

    Region withLocationIds(Map<String, String> ids) {
        return new Region(code, country, kind, parent, katottg, names, aliases, centre, boundary, otherCodes, ids);
    }
}
