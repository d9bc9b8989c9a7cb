package dev.airalert.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.alert.RegionCoverage;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Places' states now, by the inheritance rule: active when an active alert covers the place
 * whole or covers a place it lies in; partial when one covers part of it or a place inside
 * it; clear otherwise. Worked out for any number of places from one read of what active
 * alerts cover ({@code AlertHistory.activeCoverage}), a few map look-ups a place.
 */
final class PlaceStates {

    /** A place's state, as its retained MQTT state says it. */
    enum State {
        ACTIVE,
        PARTIAL,
        CLEAR;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private PlaceStates() {
    }

    /** The retained state message: {@code {"region", "level", "state", "updatedAt"}}. */
    static String payload(ObjectMapper json, Places.Place place, State state, Instant now) {
        ObjectNode body = json.createObjectNode();
        body.put("region", place.code());
        body.put("level", place.level());
        body.put("state", state.code());
        body.put("updatedAt", now.toString());
        return body.toString();
    }

    /** The states of these places now, from the coverage of every active alert. */
    static Map<String, State> of(Collection<String> codes, Collection<RegionCoverage> coverage, Places places) {
        Map<String, Boolean> whole = new HashMap<>();
        coverage.forEach(c -> whole.merge(c.regionCode(), !c.partial(), Boolean::logicalOr));
        Set<String> withAlerts = new HashSet<>();
        whole.keySet().forEach(code -> {
            withAlerts.add(code);
            withAlerts.addAll(places.above(code));
        });
        Map<String, State> states = new LinkedHashMap<>();
        for (String code : codes) {
            boolean active = whole.getOrDefault(code, false)
                    || places.above(code).stream().anyMatch(a -> whole.getOrDefault(a, false));
            states.put(code, active ? State.ACTIVE : withAlerts.contains(code) ? State.PARTIAL : State.CLEAR);
        }
        return states;
    }
}
