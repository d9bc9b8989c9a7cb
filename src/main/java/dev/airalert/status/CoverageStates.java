package dev.airalert.status;

import dev.airalert.alert.RegionCoverage;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.Region;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state of every region from what active alerts cover, in one pass over the coverage
 * rather than one per region: a region an alert covers whole is active, and so is every
 * region inside it (inherited); a region an alert covers in part is partial, and so is every
 * region it lies in. Each region also collects the events that reach it and the reason it
 * has its state (see {@link RegionState}).
 */
final class CoverageStates {

    /** What reached one region while walking the coverage. */
    private static final class Marks {
        final Set<String> events = new TreeSet<>();
        boolean own;
        boolean inside;
        final Set<String> inheritedFrom = new LinkedHashSet<>();
    }

    /** One stored region of the coverage, covered whole or in part. */
    private record Covered(String code, boolean partial) {
    }

    private final Gazetteer gazetteer;
    private final Map<String, Marks> marks = new HashMap<>();

    private CoverageStates(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The states of the regions some alert concerns; every other region's state is none. */
    static RegionStates of(Collection<RegionCoverage> coverage, Gazetteer gazetteer) {
        CoverageStates walk = new CoverageStates(gazetteer);
        walk.group(coverage).forEach(walk::mark);
        return new RegionStates(walk.states());
    }

    /** The events of each stored region, so a region under several events is walked once. */
    private Map<Covered, Set<String>> group(Collection<RegionCoverage> coverage) {
        Map<Covered, Set<String>> events = new HashMap<>();
        for (RegionCoverage c : coverage) {
            // Alerts may name well-formed codes the gazetteer lacks: no region, nothing to draw.
            Optional<Region> region = gazetteer.byCode(c.regionCode());
            region.ifPresent(r -> events.computeIfAbsent(new Covered(r.code(), c.partial()), k -> new TreeSet<>())
                    .add(c.event()));
        }
        return events;
    }

    private void mark(Covered covered, Set<String> events) {
        Marks own = marksOf(covered.code());
        own.events.addAll(events);
        if (covered.partial()) {
            own.inside = true;
        } else {
            own.own = true;
            for (String below : gazetteer.descendants(covered.code())) {
                Marks inherits = marksOf(below);
                inherits.events.addAll(events);
                inherits.inheritedFrom.add(covered.code());
            }
        }
        for (String above : gazetteer.ancestors(covered.code())) {
            Marks holds = marksOf(above);
            holds.events.addAll(events);
            holds.inside = true;
        }
    }

    private Marks marksOf(String code) {
        return marks.computeIfAbsent(code, c -> new Marks());
    }

    private Map<String, RegionState> states() {
        Map<String, RegionState> states = new HashMap<>();
        marks.forEach((code, m) -> states.put(code, state(code, m)));
        return states;
    }

    private RegionState state(String code, Marks m) {
        if (m.own) {
            return new RegionState(RegionState.State.ACTIVE, m.events, RegionState.Cause.ALERT, List.of());
        }
        if (!m.inheritedFrom.isEmpty()) {
            List<String> nearestFirst = gazetteer.ancestors(code).stream().filter(m.inheritedFrom::contains).toList();
            return new RegionState(RegionState.State.ACTIVE, m.events, RegionState.Cause.ANCESTOR, nearestFirst);
        }
        List<String> reached = gazetteer.children(code).stream().filter(marks::containsKey).sorted().toList();
        return new RegionState(RegionState.State.PARTIAL, m.events, RegionState.Cause.INSIDE, reached);
    }
}
