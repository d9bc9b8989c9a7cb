package dev.airalert.filter;

import java.util.List;
import java.util.Set;

/**
 * The shared filters of a query; empty sets and a null floor mean "no filter on this".
 * {@code regions} are the asked regions as codes with their parents and children (a
 * country-wide alert concerns each of its regions, a region's alert concerns the country);
 * {@code events} are lower case; {@code minSeverityRank} is "at least this severe"
 * ({@link dev.airalert.cap.CapEnums#severityRank}); {@code languages} narrow the infos shown,
 * all of them when none matches; {@code threats} and {@code levels} are threat types and levels
 * by their wire names ({@link dev.airalert.threat.ThreatType#wire}), any of which matches.
 */
public record AlertFilter(Set<String> regions, Set<String> events, Integer minSeverityRank,
        List<String> languages, Set<String> threats, Set<String> levels) {
}
