package dev.airalert.status;

import dev.airalert.alert.AlertHistory;
import dev.airalert.alert.RegionCoverage;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.Region;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of every region now, for maps and small devices: derived from the active
 * alerts' region coverage and the gazetteer's hierarchy on each request, so it is never
 * stale (expiry needs no write to show).
 */
@ApplicationScoped
public class RegionStatus {

    private final Gazetteer gazetteer;
    private final AlertHistory alerts;

    RegionStatus(Gazetteer gazetteer, AlertHistory alerts) {
        this.gazetteer = gazetteer;
        this.alerts = alerts;
    }

    public Map<String, RegionState> now() {
        List<RegionCoverage> coverage = alerts.activeCoverage();
        Map<String, RegionState> states = new TreeMap<>();
        for (Region region : gazetteer.all()) {
            List<String> ancestors = gazetteer.ancestors(region.code());
            List<String> descendants = gazetteer.descendants(region.code());
            RegionState.State state = RegionState.State.NONE;
            TreeSet<String> events = new TreeSet<>();
            for (RegionCoverage c : coverage) {
                boolean whole = !c.partial() && (c.regionCode().equals(region.code())
                        || ancestors.contains(c.regionCode()));
                boolean part = c.regionCode().equals(region.code()) || descendants.contains(c.regionCode());
                if (whole) {
                    state = RegionState.State.ACTIVE;
                    events.add(c.event());
                } else if (part) {
                    state = state == RegionState.State.ACTIVE ? state : RegionState.State.PARTIAL;
                    events.add(c.event());
                }
            }
            states.put(region.code(), new RegionState(state, events));
        }
        return states;
    }
}
