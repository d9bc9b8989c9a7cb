package dev.airalert.subscription;

import dev.airalert.region.LatLon;
import java.util.List;

/**
 * What a subscription wants besides its regions; an empty list means "any". Events are
 * lower-case; statuses default to Actual when a subscription is created; threats and levels
 * are threat types and levels by their wire names.
 */
public record SubscriptionFilter(List<String> events, Integer minSeverityRank,
        List<String> urgencies, List<String> certainties, List<String> statuses,
        List<String> languages, LatLon point, Double radiusKm, List<String> threats, List<String> levels) {

    /** From the stored form: comma-separated lists, nullable numbers. */
    static SubscriptionFilter of(String events, Number minSeverityRank, String urgencies, String certainties,
            String statuses, String languages, Number lat, Number lon, Number radiusKm, String threats,
            String levels) {
        return new SubscriptionFilter(split(events), minSeverityRank == null ? null : minSeverityRank.intValue(),
                split(urgencies), split(certainties), split(statuses), split(languages),
                lat == null ? null : new LatLon(lat.doubleValue(), lon.doubleValue()),
                radiusKm == null ? null : radiusKm.doubleValue(), split(threats), split(levels));
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : List.of(list.split(","));
    }
}
