package dev.airalert.region;

import java.util.List;

/** The regions a name or a point resolves to, best first. */
public record RegionMatches(List<RegionSummary> items) {
}
