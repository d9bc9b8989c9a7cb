package dev.airalert.alert;

import dev.airalert.region.LatLon;
import java.time.Instant;
import java.util.Set;

/**
 * A history search. Empty sets and nulls mean "no filter on this"; {@code regions} are
 * already expanded to the codes whose alerts concern the asked regions; {@code point} asks
 * for alerts whose areas contain it; {@code minSeverityRank} is "at least this severe";
 * {@code active} null means both active and inactive.
 */
record AlertQuery(Set<String> regions, LatLon point, String eventKey, Integer minSeverityRank,
        Set<String> urgencies, Set<String> certainties, Set<String> statuses,
        Set<String> msgTypes, String sender, Boolean active, Instant since, Instant until,
        String lang, int limit, Cursor after) {

    /** The same search continuing after another position. */
    AlertQuery after(Cursor position) {
        return new AlertQuery(regions, point, eventKey, minSeverityRank, urgencies, certainties,
                statuses, msgTypes, sender, active, since, until, lang, limit, position);
    }

    /** The same search within these regions (what a point lies in), read {@code batch} at a time. */
    AlertQuery inRegions(Set<String> codes, int batch) {
        return new AlertQuery(codes, point, eventKey, minSeverityRank, urgencies, certainties,
                statuses, msgTypes, sender, active, since, until, lang, batch, after);
    }

    boolean filtersInfo() {
        return eventKey != null || minSeverityRank != null || !urgencies.isEmpty()
                || !certainties.isEmpty();
    }
}
