package dev.airalert.compat;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.Sha256;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * What the compatible APIs answer from: every region under a threat now, built once and shared
 * by all pollers until something changes. It is built again when an event is committed here
 * or (on PostgreSQL) on another replica, when an alert in it expires, and at least every
 * {@code airalert.compat.refresh-at-least-every}; the answers' bodies are rendered once per
 * build, on first demand. So two hundred pollers cost one query a change, not one each.
 * <p>One poller builds while the others go on with the build they have ({@link Snapshot#fresh}
 * says whether it is still within its time); when building fails, the next try waits a second,
 * and a poller with no build at all gets the failure.
 */
@ApplicationScoped
public class ActiveThreats {

    private static final Logger LOG = Logger.getLogger(ActiveThreats.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    /**
     * One region under one alert chain: where ({@code code}, covered whole or in {@code partial}),
     * what threat, since when the chain is in force ({@code startedAt}) and when it last changed.
     */
    record Active(String chain, String code, boolean partial, ThreatType type, ThreatLevel level, String reason,
            Instant startedAt, Instant updatedAt) {
    }

    /**
     * One build: the regions under threat and the states air threats give; {@code since}, when
     * this replica first built what it shows now (a new event or a changed content, even one that
     * came back to an earlier form, makes it new); {@code dataTime}, the time of the newest event
     * or expiry behind it, the same on every replica; {@code tag}, a digest of the content.
     */
    static final class Snapshot {
        final List<Active> active;
        final RegionStates air;
        final Instant since;
        final Instant dataTime;
        final String tag;
        final long seq;
        final Instant validUntil;
        private final Map<String, CompletableFuture<Conditional.Rendered>> bodies = new ConcurrentHashMap<>();

        Snapshot(List<Active> active, RegionStates air, Instant since, Instant dataTime, String tag, long seq,
                Instant validUntil) {
            this.active = List.copyOf(active);
            this.air = air;
            this.since = since;
            this.dataTime = dataTime;
            this.tag = tag;
            this.seq = seq;
            this.validUntil = validUntil;
        }

        /** Whether this build is within its time: only a fresh build may tell a poller "not modified". */
        boolean fresh(Instant now) {
            return now.isBefore(validUntil);
        }

        /**
         * The body at this address, rendered once per build; the rendering (a history is a query)
         * runs outside the map's lock, and pollers asking meanwhile wait for the same one.
         */
        Conditional.Rendered body(String address, Supplier<Conditional.Rendered> render) {
            CompletableFuture<Conditional.Rendered> mine = new CompletableFuture<>();
            CompletableFuture<Conditional.Rendered> theirs = bodies.putIfAbsent(address, mine);
            if (theirs != null) {
                return theirs.join();
            }
            try {
                mine.complete(render.get());
            } catch (RuntimeException e) {
                bodies.remove(address, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
    }

    private final CompatRepository repository;
    private final RegionStatus status;
    private final Duration refresh;
    private final Clock clock;
    private final ReentrantLock building = new ReentrantLock();
    private volatile Snapshot snapshot;
    private volatile boolean changed = true;
    private volatile Instant retryAt = Instant.EPOCH;

    ActiveThreats(CompatRepository repository, RegionStatus status, AirAlertConfig config) {
        this.repository = repository;
        this.status = status;
        this.refresh = config.compat().refreshAtLeastEvery();
        this.clock = Clocks.UTC;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded event) {
        changed = true;
    }

    void committedElsewhere(@Observes EventsCommitted committed) {
        changed = true;
    }

    /** The current build; built now when it is out of date, unless another poller is building it. */
    Snapshot now() {
        return atLeast(0);
    }

    /** A build that includes the event {@code seq} at least (a webhook's body describes the state after its event). */
    Snapshot atLeast(long seq) {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s != null && !changed && s.fresh(now) && s.seq >= seq) {
            return s;
        }
        // A poller may go on with the last build; a webhook needs the one after its event.
        boolean mustWait = s == null || s.seq < seq;
        if (!mustWait && (now.isBefore(retryAt) || !building.tryLock())) {
            return s;   // being built, or failed a moment ago: the last build, no longer "fresh" for 304s
        }
        if (mustWait) {
            building.lock();
        }
        try {
            s = snapshot;
            if (s != null && !changed && s.fresh(clock.instant()) && s.seq >= seq) {
                return s;   // another poller built it while this one waited
            }
            return rebuild();
        } finally {
            building.unlock();
        }
    }

    private Snapshot rebuild() {
        Instant now = clock.instant();
        // Cleared before reading: a commit during the read marks it again, and the next poller reads again.
        changed = false;
        Read read;
        try {
            read = QuarkusTransaction.joiningExisting().call(() -> read(now));
        } catch (RuntimeException e) {
            changed = true;
            retryAt = now.plus(RETRY_AFTER_FAILURE);
            LOG.warnf("The compatible APIs could not read what is in force: %s; they serve the last build", e.getMessage());
            throw e;
        }
        List<Active> active = read.active();
        List<RegionCoverage> air = active.stream().filter(a -> a.type().fromTheAir())
                .map(a -> new RegionCoverage(a.code(), a.partial(), a.type().wire())).toList();
        Instant validUntil = read.nextExpiry() != null && read.nextExpiry().isBefore(now.plus(refresh))
                ? read.nextExpiry() : now.plus(refresh);
        String tag = Sha256.hex(active.toString().getBytes(StandardCharsets.UTF_8));
        Snapshot previous = snapshot;
        boolean same = previous != null && previous.tag.equals(tag) && previous.seq == read.seq();
        Snapshot built = new Snapshot(active, status.of(air), same ? previous.since : now, read.dataTime(), tag,
                read.seq(), validUntil);
        snapshot = built;
        return built;
    }

    private record Read(List<Active> active, Instant nextExpiry, long seq, Instant dataTime) {
    }

    private Read read(Instant now) {
        CompatRepository.LogPosition log = repository.logPosition();
        Instant expired = repository.lastExpiry(now);
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
        Instant dataTime = log.at() == null ? expired
                : expired == null || log.at().isAfter(expired) ? log.at() : expired;
        return new Read(active, nextExpiry, log.seq(), dataTime == null ? Instant.EPOCH : dataTime);
    }
}
