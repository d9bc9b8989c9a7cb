package dev.airalert.alert;

import dev.airalert.region.LatLon;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A history search. Empty sets and nulls mean "no filter on this"; {@code regions} are
 * already expanded to the codes whose alerts concern the asked regions; {@code point} asks
 * for alerts whose areas contain it; {@code eventKeys} are lower-case event names, any of
 * which matches; {@code minSeverityRank} is "at least this severe"; {@code active} null means
 * both active and inactive; {@code languages} narrow the infos shown; {@code threats} and
 * {@code levels} are threat types and levels, any of which matches.
 */
record AlertQuery(Set<String> regions, LatLon point, Set<String> eventKeys, Integer minSeverityRank,
        Set<String> urgencies, Set<String> certainties, Set<String> statuses,
        Set<String> msgTypes, String sender, Boolean active, Instant since, Instant until,
        List<String> languages, Set<String> threats, Set<String> levels, int limit, Cursor after) {

    /** The same search continuing after another position. */
    AlertQuery after(Cursor position) {
        return new AlertQuery(regions, point, eventKeys, minSeverityRank, urgencies, certainties,
                statuses, msgTypes, sender, active, since, until, languages, threats, levels, limit, position);
    }

    /** The same search within these regions (what a point lies in), read {@code batch} at a time. */
    AlertQuery inRegions(Set<String> codes, int batch) {
        return new AlertQuery(codes, point, eventKeys, minSeverityRank, urgencies, certainties,
                statuses, msgTypes, sender, active, since, until, languages, threats, levels, batch, after);
    }

    boolean filtersInfo() {
        return !eventKeys.isEmpty() || minSeverityRank != null || !urgencies.isEmpty()
                || !certainties.isEmpty();
    }
}
