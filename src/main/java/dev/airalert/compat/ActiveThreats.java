package dev.airalert.compat;

import dev.airalert.AirAlertConfig;
import dev.airalert.alert.RegionCoverage;
import dev.airalert.event.EventRecorded;
import dev.airalert.event.EventsCommitted;
import dev.airalert.status.RegionStates;
import dev.airalert.status.RegionStatus;
import dev.airalert.threat.ThreatLevel;
import dev.airalert.threat.ThreatType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the compatible APIs answer from: every region under a threat now, built once and shared
 * by all pollers until something changes. It is built again when an event is committed here
 * or (on PostgreSQL) on another replica, when an alert in it expires, and at least every
 * {@code airalert.compat.refresh-at-least-every}; the answers' bodies are rendered once per
 * build, on first demand. So two hundred pollers cost one query a change, not one each.
 */
@ApplicationScoped
public class ActiveThreats {

    /**
     * One region under one alert chain: where ({@code code}, covered whole or in {@code partial}),
     * what threat, since when the chain is in force ({@code startedAt}) and when it last changed.
     */
    record Active(String chain, String code, boolean partial, ThreatType type, ThreatLevel level, String reason,
            Instant startedAt, Instant updatedAt) {
    }

    /** One build: the regions under threat, the states air threats give, when its content last changed. */
    static final class Snapshot {
        final List<Active> active;
        final RegionStates air;
        final Instant changedAt;
        final Instant builtAt;
        final Instant validUntil;
        private final Map<String, Conditional.Rendered> bodies = new ConcurrentHashMap<>();

        Snapshot(List<Active> active, RegionStates air, Instant changedAt, Instant builtAt, Instant validUntil) {
            this.active = List.copyOf(active);
            this.air = air;
            this.changedAt = changedAt;
            this.builtAt = builtAt;
            this.validUntil = validUntil;
        }

        /** The body at this address, rendered once per build. */
        Conditional.Rendered body(String address, Supplier<Conditional.Rendered> render) {
            return bodies.computeIfAbsent(address, a -> render.get());
        }
    }

    private final CompatRepository repository;
    private final RegionStatus status;
    private final Duration refresh;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile boolean changed = true;

    ActiveThreats(CompatRepository repository, RegionStatus status, AirAlertConfig config) {
        this.repository = repository;
        this.status = status;
        this.refresh = config.compat().refreshAtLeastEvery();
        this.clock = Clock.systemUTC();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded event) {
        changed = true;
    }

    void committedElsewhere(@Observes EventsCommitted committed) {
        changed = true;
    }

    /** The current build; built now when it is out of date. */
    Snapshot now() {
        Snapshot s = snapshot;
        if (s != null && !changed && clock.instant().isBefore(s.validUntil)) {
            return s;
        }
        return rebuild();
    }

    private synchronized Snapshot rebuild() {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s != null && !changed && now.isBefore(s.validUntil)) {
            return s;   // another poller built it while this one waited
        }
        // Cleared before reading: a commit during the read marks it again, and the next poller reads again.
        changed = false;
        Read read = QuarkusTransaction.joiningExisting().call(() -> read(now));
        List<Active> active = read.active();
        List<RegionCoverage> air = active.stream().filter(a -> a.type().fromTheAir())
                .map(a -> new RegionCoverage(a.code(), a.partial(), a.type().wire())).toList();
        Instant validUntil = read.nextExpiry() != null && read.nextExpiry().isBefore(now.plus(refresh))
                ? read.nextExpiry() : now.plus(refresh);
        Snapshot previous = snapshot;
        Instant changedAt = previous != null && previous.active.equals(active) ? previous.changedAt : now;
        Snapshot built = new Snapshot(active, status.of(air), changedAt, now, validUntil);
        snapshot = built;
        return built;
    }

    private record Read(List<Active> active, Instant nextExpiry) {
    }

    private Read read(Instant now) {
        List<CompatRepository.Row> rows = repository.active(now);
        Map<String, List<CompatRepository.Link>> chains = repository.chains(
                rows.stream().map(CompatRepository.Row::chain).distinct().toList());
        Map<String, CompatRepository.Row> newest = new LinkedHashMap<>();
        for (CompatRepository.Row row : rows) {
            newest.merge(row.chain() + "|" + row.regionCode(), row,
                    (a, b) -> a.receivedAt().isAfter(b.receivedAt()) ? a : b);
        }
        List<Active> active = new ArrayList<>();
        for (CompatRepository.Row row : newest.values()) {
            List<CompatRepository.Link> links = chains.getOrDefault(row.chain(), List.of());
            active.add(new Active(row.chain(), row.regionCode(), row.partial(),
                    ThreatType.fromWire(row.threat()).orElse(ThreatType.AIR_RAID),
                    ThreatLevel.fromWire(row.level()).orElse(null), row.reason(),
                    Chains.startedAt(links, row.sentAt()), Chains.updatedAt(links, row.receivedAt())));
        }
        active.sort(Comparator.comparing(Active::startedAt).thenComparing(Active::chain).thenComparing(Active::code));
        Instant nextExpiry = rows.stream().map(CompatRepository.Row::expiresAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new Read(active, nextExpiry);
    }
}
