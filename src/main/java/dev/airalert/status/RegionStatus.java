package dev.airalert.status;

import dev.airalert.alert.AlertHistory;
import dev.airalert.alert.RegionCoverage;
import dev.airalert.region.Gazetteer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;

/**
 * The state of every region now, for maps and small devices. Derived on each call from what
 * active alerts cover at this moment, so it is never stale (expiry needs no write to show);
 * the states themselves are computed once per distinct coverage and kept, so pollers asking
 * again while nothing changed cost one small query and no computation.
 */
@ApplicationScoped
public class RegionStatus {

    /** The last coverage seen and the states it gave. */
    private record Computed(Set<RegionCoverage> coverage, RegionStates states) {
    }

    private final Gazetteer gazetteer;
    private final AlertHistory alerts;
    private volatile Computed last;

    RegionStatus(Gazetteer gazetteer, AlertHistory alerts) {
        this.gazetteer = gazetteer;
        this.alerts = alerts;
    }

    /**
     * The states these coverage rows give, for a caller that selects its own alerts (the
     * compatible APIs count air threats only).
     */
    public RegionStates of(Collection<RegionCoverage> coverage) {
        return CoverageStates.of(coverage, gazetteer);
    }

    public RegionStates now() {
        // A set: the query's rows come in no particular order, and equal coverage must hit.
        Set<RegionCoverage> coverage = Set.copyOf(alerts.activeCoverage());
        Computed seen = last;
        if (seen != null && seen.coverage().equals(coverage)) {
            return seen.states();
        }
        RegionStates states = CoverageStates.of(coverage, gazetteer);
        last = new Computed(coverage, states);
        return states;
    }
}
