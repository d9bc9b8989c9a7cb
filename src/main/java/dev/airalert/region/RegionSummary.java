package dev.airalert.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A region as listed: who it is, what it is called, where it lies ({@code parents}, nearest
 * first, up to the country) and its ids in other alert services, without its boundary.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RegionSummary(String code, String country, RegionKind kind, String parent,
        List<String> parents, String katottg, List<String> otherCodes, Map<String, String> names,
        List<String> aliases, LatLon centre, Map<String, String> locationIds) {

    public static RegionSummary of(Region r, Gazetteer gazetteer) {
        return new RegionSummary(r.code(), r.country(), r.kind(), r.parent(), gazetteer.ancestors(r.code()),
                r.katottg(), r.otherCodes(), r.names(), r.aliases(), r.centre(), r.locationIds());
    }
}
