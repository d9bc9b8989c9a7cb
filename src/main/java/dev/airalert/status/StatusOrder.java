package dev.airalert.status;

import dev.airalert.region.Gazetteer;
import dev.airalert.region.Region;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The regions of a selection in the one order every status form lists them: by code, as plain
 * text compared character by character. Oblast-level regions have ISO 3166 codes ({@code RU},
 * {@code RU-BEL}, ..., {@code UA}, {@code UA-05}, ...); raions and hromadas their KATOTTG codes,
 * whose order is the codifier's (oblast, then raion, then hromada), and which do not change
 * when a place is renamed. The order changes only when the gazetteer does, so it is computed
 * once per selection.
 */
@ApplicationScoped
class StatusOrder {

    private final Gazetteer gazetteer;
    private final Map<StatusSelection, List<String>> computed = new ConcurrentHashMap<>();

    StatusOrder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<String> codes(StatusSelection selection) {
        return computed.computeIfAbsent(selection, this::compute);
    }

    private List<String> compute(StatusSelection selection) {
        Collection<Region> candidates = selection.within()
                .map(code -> gazetteer.descendants(code).stream().map(c -> gazetteer.byCode(c).orElseThrow()).toList())
                .orElseGet(() -> List.copyOf(gazetteer.all()));
        return candidates.stream()
                .filter(r -> selection.levels().stream().anyMatch(level -> level.includes(r)))
                .map(Region::code).sorted().toList();
    }
}
