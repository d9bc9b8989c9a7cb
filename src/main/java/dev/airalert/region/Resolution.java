package dev.airalert.region;

import java.util.List;
import java.util.Map;

/**
 * What an alert covers: region code to whether it covers only part of that region (a
 * polygon over half an oblast, a community's KATOTTG code), each area's resolution, and
 * the areas nothing matched (stored as published, reported to the publisher).
 */
public record Resolution(Map<String, Boolean> partialByRegion, List<AreaResolution> areas,
        List<String> unresolvedAreas) {
}
