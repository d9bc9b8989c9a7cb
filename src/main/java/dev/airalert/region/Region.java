package dev.airalert.region;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A place alerts can cover: its code (ISO 3166-2, or ISO 3166-1 for a country), where it
 * sits in the hierarchy, what people call it, and its shape. {@code boundary} may be null
 * (a country whose outline is not shipped); such a region is found by code and name only.
 */
public record Region(String code, String country, RegionKind kind, String parent,
        String katottg, Map<String, String> names, List<String> aliases, LatLon centre,
        Geometry boundary) {

    public Region {
        names = Map.copyOf(names);
        aliases = List.copyOf(aliases);
    }

    public boolean isCountry() {
        return kind == RegionKind.COUNTRY;
    }
}
