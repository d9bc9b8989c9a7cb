package dev.airalert.compat;

import dev.airalert.threat.ThreatType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alert chains that concerned a region lately, for the compatible APIs' history: those on
 * the region, on places inside it and on places it lies in (an oblast's alert is an alert of
 * its hromadas), each with when it began and ended, newest first.
 */
@ApplicationScoped
class RegionHistory {

    /** One chain on one region it covered. */
    record Item(String chain, String code, boolean partial, ThreatType type, Instant startedAt, Instant finishedAt,
            Instant updatedAt) {
    }

    private final CompatRepository repository;
    private final Locations locations;

    RegionHistory(CompatRepository repository, Locations locations) {
        this.repository = repository;
        this.locations = locations;
    }

    /** The chains begun since {@code since} that concern {@code code}, newest first, at most {@code limit}. */
    List<Item> of(String code, Instant since, Instant now, int limit) {
        Set<String> related = locations.related(code);
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<CompatRepository.Row> rows = repository.sentIn(related, since);
            Map<String, CompatRepository.Row> newest = new LinkedHashMap<>();
            for (CompatRepository.Row row : rows) {
                newest.merge(row.chain() + "|" + row.regionCode(), row,
                        (a, b) -> a.sentAt().isAfter(b.sentAt()) ? a : b);
            }
            Map<String, List<CompatRepository.Link>> chains = repository.chains(
                    newest.values().stream().map(CompatRepository.Row::chain).distinct().toList());
            List<Item> items = new ArrayList<>();
            for (CompatRepository.Row row : newest.values()) {
                List<CompatRepository.Link> links = chains.getOrDefault(row.chain(), List.of());
                items.add(new Item(row.chain(), row.regionCode(), row.partial(),
                        ThreatType.fromWire(row.threat()).orElse(ThreatType.AIR_RAID),
                        Chains.startedAt(links, row.sentAt()), Chains.finishedAt(links, now).orElse(null),
                        Chains.updatedAt(links, row.receivedAt())));
            }
            items.sort(Comparator.comparing(Item::startedAt).reversed().thenComparing(Item::chain)
                    .thenComparing(Item::code));
            return items.size() > limit ? List.copyOf(items.subList(0, limit)) : items;
        });
    }
}
