package dev.airalert.status;

import java.util.List;

/** The regions a name or a point resolves to, best first (for a point: the country first, the smallest last). */
public record RegionMatches(List<RegionMatch> items) {
}
