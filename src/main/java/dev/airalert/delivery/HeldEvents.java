package dev.airalert.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The webhook outbox's leases: the events this instance fans out, each held under a short lease
 * that is renewed while it works on it, so that other instances leave it alone. An event leaves
 * the outbox when every delivery handed out without a row has its row; an instance that dies
 * before then stops renewing, and another takes the event over once the lease ran out.
 *
 * <p>{@link #pick}, {@link #maintain} and {@link #letGo} run on the fan-out thread;
 * {@link #recorded} and {@link #release} on any.
 */
@ApplicationScoped
class HeldEvents {

    /** How long an instance keeps an event it fans out before others may take it over. */
    static final Duration LEASE = Duration.ofSeconds(10);

    /** How many events one pick takes at most: one statement for a burst's worth of small events. */
    static final int PICK_BATCH = 32;
    /** The most events one statement names. */
    private static final int IN_LIST = 500;

    /**
     * The oldest events whose chain has no earlier event still in the outbox (held or not), so
     * that no two events of one chain are ever picked together. The chain is in the outbox row:
     * each candidate costs one probe of {@code ix_event_outbox_chain}, whatever the statistics.
     */
    private static final String PICK = """
            SELECT o.event_seq FROM event_outbox o
            WHERE (o.leased_until IS NULL OR o.leased_until <= ?1)
              AND NOT EXISTS (SELECT 1 FROM event_outbox p
                              WHERE p.chain_key = o.chain_key AND p.event_seq < o.event_seq)
            ORDER BY o.event_seq LIMIT ?2 FOR UPDATE SKIP LOCKED""";

    private final EntityManager em;
    /** Events this instance holds in the outbox, by sequence number. */
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    /** Held events whose every delivery has its row: to leave the outbox. */
    private final Set<Held> done = ConcurrentHashMap.newKeySet();

    HeldEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * An event this instance holds: how many of its handed deliveries still lack a row, plus
     * one while handing out goes on; and until when the lease runs.
     */
    static final class Held {
        final long seq;
        final AtomicInteger open = new AtomicInteger(1);
        volatile Instant leasedUntil;
        /** Handing out failed part way: once the handed rows exist, the event is released, not removed. */
        volatile boolean abandoned;
        /** For an abandoned event: until when no instance is to pick it again (null: at once). */
        volatile Instant retryAt;

        Held(long seq, Instant leasedUntil) {
            this.seq = seq;
            this.leasedUntil = leasedUntil;
        }
    }

    /**
     * Takes the next events (up to {@value #PICK_BATCH}, oldest first) under a lease, in the
     * caller's transaction; empty when none waits.
     */
    List<Held> pick(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> picked = em.createNativeQuery(PICK).setParameter(1, now).setParameter(2, PICK_BATCH)
                .getResultList();
        if (picked.isEmpty()) {
            return List.of();
        }
        Instant leasedUntil = now.plus(LEASE);
        List<Long> seqs = picked.stream().map(Number::longValue).toList();
        lease(seqs, leasedUntil);
        return seqs.stream().map(seq -> new Held(seq, leasedUntil)).toList();
    }

    private void lease(List<Long> seqs, Instant until) {
        inParts(seqs, part -> em.createNativeQuery("UPDATE event_outbox SET leased_until = ?1 WHERE event_seq IN (?2)")
                .setParameter(1, until).setParameter(2, part).executeUpdate());
    }

    /** Runs a statement for these events, naming a bounded number of them at a time. */
    private static void inParts(List<Long> seqs, Consumer<List<Long>> statement) {
        for (int from = 0; from < seqs.size(); from += IN_LIST) {
            statement.accept(seqs.subList(from, Math.min(seqs.size(), from + IN_LIST)));
        }
    }

    /** The picked event's transaction committed: it is this instance's now. */
    void hold(Held event) {
        held.put(event.seq, event);
    }

    /** Whether this instance still holds the event (it was not let go). */
    boolean holds(Held event) {
        return held.get(event.seq) == event;
    }

    /** Whether this instance holds the event with this sequence number. */
    boolean holds(long seq) {
        return held.containsKey(seq);
    }

    /** Held events whose lease ran out by {@code now}: another instance may hold them. */
    List<Held> expired(Instant now) {
        return held.values().stream().filter(h -> !h.leasedUntil.isAfter(now)).toList();
    }

    /** No longer renewed, nor removed from the outbox here: within a lease it is fanned out again. */
    void letGo(Collection<Held> events) {
        events.forEach(h -> held.remove(h.seq, h));
    }

    /** The rows of these handed deliveries exist now. */
    void recorded(Collection<Handoff> handoffs) {
        handoffs.forEach(h -> release(h.event()));
    }

    /**
     * The event failed to start: it goes back to the outbox (at the next {@link #maintain}),
     * leased until {@code at} so that no instance picks it before then.
     */
    void retryLater(Held event, Instant at) {
        event.retryAt = at;
        event.abandoned = true;
        release(event);
    }

    /** One fewer delivery (or the handing out itself) is open. */
    void release(Held event) {
        if (event.open.decrementAndGet() == 0) {
            done.add(event);
        }
    }

    /** Whether held events finished, or their leases need renewing, by {@code now}. */
    boolean due(Instant now) {
        return !done.isEmpty() || held.values().stream().anyMatch(h -> renewable(h, now));
    }

    private static boolean renewable(Held h, Instant now) {
        return h.leasedUntil.isBefore(now.plus(LEASE.dividedBy(2)));
    }

    /**
     * Removes finished events from the outbox (or releases those whose handing out failed, to
     * be fanned out again) and renews the leases of those still held. Events let go are
     * neither: they are no longer this instance's.
     */
    void maintain(Instant now) {
        done.removeIf(h -> held.get(h.seq) != h);
        List<Held> finished = List.copyOf(done);
        List<Held> renew = held.values().stream().filter(h -> !finished.contains(h) && renewable(h, now)).toList();
        if (finished.isEmpty() && renew.isEmpty()) {
            return;
        }
        Instant leasedUntil = now.plus(LEASE);
        List<Long> removed = finished.stream().filter(h -> !h.abandoned).map(h -> h.seq).toList();
        List<Long> released = finished.stream().filter(h -> h.abandoned && h.retryAt == null).map(h -> h.seq).toList();
        List<Held> deferred = finished.stream().filter(h -> h.abandoned && h.retryAt != null).toList();
        List<Long> renewed = renew.stream().map(h -> h.seq).toList();
        QuarkusTransaction.requiringNew().run(() -> {
            inParts(removed, part -> em.createNativeQuery("DELETE FROM event_outbox WHERE event_seq IN (?1)")
                    .setParameter(1, part).executeUpdate());
            inParts(released, part -> em.createNativeQuery(
                    "UPDATE event_outbox SET leased_until = NULL WHERE event_seq IN (?1)")
                    .setParameter(1, part).executeUpdate());
            lease(renewed, leasedUntil);
            deferred.forEach(h -> lease(List.of(h.seq), h.retryAt));
        });
        // Only now, when it is written: whatever fails before (an Error too) leaves them to the next round.
        finished.forEach(h -> {
            held.remove(h.seq, h);
            done.remove(h);
        });
        renew.forEach(h -> h.leasedUntil = leasedUntil);
    }
}
