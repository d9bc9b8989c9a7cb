package dev.airalert.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** A region as listed: who it is and what it is called, without its boundary. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RegionSummary(String code, String country, RegionKind kind, String parent,
        String katottg, Map<String, String> names, List<String> aliases, LatLon centre) {

    public static RegionSummary of(Region r) {
        return new RegionSummary(r.code(), r.country(), r.kind(), r.parent(), r.katottg(),
                r.names(), r.aliases(), r.centre());
    }
}
