package dev.airalert.alert;

import java.time.Instant;
import java.util.Set;

/**
 * A history search. Empty sets and nulls mean "no filter on this"; {@code minSeverityRank}
 * is "at least this severe"; {@code active} null means both active and inactive.
 */
record AlertQuery(Set<String> regions, String eventKey, Integer minSeverityRank,
        Set<String> urgencies, Set<String> certainties, Set<String> statuses,
        Set<String> msgTypes, String sender, Boolean active, Instant since, Instant until,
        String lang, int limit, Cursor after) {

    boolean filtersInfo() {
        return eventKey != null || minSeverityRank != null || !urgencies.isEmpty()
                || !certainties.isEmpty();
    }
}
