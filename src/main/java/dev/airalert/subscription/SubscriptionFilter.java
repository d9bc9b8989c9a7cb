package dev.airalert.subscription;

import dev.airalert.region.LatLon;
import java.util.List;

/**
 * What a subscription wants besides its regions; an empty list means "any". Events are
 * lower-case; statuses default to Actual when a subscription is created.
 */
public record SubscriptionFilter(List<String> events, Integer minSeverityRank,
        List<String> urgencies, List<String> certainties, List<String> statuses,
        List<String> languages, LatLon point, Double radiusKm) {
}
