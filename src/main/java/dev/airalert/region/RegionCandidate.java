package dev.airalert.region;

import java.util.List;
import java.util.Map;

/**
 * One of the places an ambiguous name could mean, with the regions it lies in (nearest first),
 * so that a person can tell "Миколаївська територіальна громада" of Sumy raion from the one of
 * Mykolaiv raion and give its code instead.
 */
public record RegionCandidate(String code, RegionKind kind, Map<String, String> names, List<String> parents,
        String label) {

    public static RegionCandidate of(Region region, Gazetteer gazetteer) {
        List<String> parents = gazetteer.ancestors(region.code());
        StringBuilder label = new StringBuilder(region.name("en")).append(" (").append(region.code());
        for (String parent : parents) {
            gazetteer.byCode(parent).filter(p -> !p.isCountry()).ifPresent(p -> label.append(", ").append(p.name("en")));
        }
        return new RegionCandidate(region.code(), region.kind(), region.names(), parents, label.append(')').toString());
    }
}
