package dev.airalert.delivery;

import dev.airalert.NativeValues;
import dev.airalert.alert.AlertView;
import dev.airalert.cap.CapAddresses;
import dev.airalert.security.Audience;
import dev.airalert.subscription.SubscriptionMatcher;
import dev.airalert.subscription.SubscriptionRepository.Target;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Turns outbox events into deliveries. The oldest event whose chain has no earlier event
 * still in the outbox is taken under a short lease (renewed while this instance works on
 * it, so other instances leave it alone), and its subscribers are matched once.
 *
 * <p>Subscribers this instance can send to at once (enabled, no earlier event of the chain
 * still queued for them) are handed to the dispatcher in chunks as it has room, with no
 * row written yet: the first attempt's outcome writes the delivery row (the outcome
 * recorder also writes it early for an attempt that takes long). That keeps a fan-out to
 * thousands at one write per delivery. All other subscribers get a delivery row due now,
 * which the queue's claim gives out in chain order.
 *
 * <p>The event leaves the outbox when every handed delivery has its row. An instance that
 * dies before then stops renewing the lease; another instance fans the event out again,
 * skipping subscribers that already have a delivery of it, so only attempts that were in
 * flight at the crash can arrive twice (with the same {@code webhook-id}).
 *
 * <p>{@link #next} and the other outbox methods run on one thread; {@link #recorded} may be
 * called from any. When that thread dies, its successor calls {@link #resume} first.
 */
@ApplicationScoped
class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);

    static final int CHUNK = 1000;
    /** How long an instance keeps an event it fans out before others may take it over. */
    static final Duration EVENT_LEASE = Duration.ofSeconds(10);

    private static final String PICK = """
            SELECT o.event_seq FROM event_outbox o
            WHERE (o.leased_until IS NULL OR o.leased_until <= ?1)
              AND NOT EXISTS (SELECT 1 FROM event_outbox p
                              JOIN alert_event pe ON pe.seq = p.event_seq
                              JOIN alert_event oe ON oe.seq = o.event_seq
                              WHERE pe.chain_key = oe.chain_key AND p.event_seq < o.event_seq)
            ORDER BY o.event_seq LIMIT 1 FOR UPDATE SKIP LOCKED""";

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final SubscriptionMatcher matcher;
    private final EventLog eventLog;
    /** The event being handed out, with its subscribers still to hand. */
    private Progress current;
    /** Events this instance holds in the outbox, by sequence number. */
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    /** Held events whose every delivery has its row: to leave the outbox. */
    private final Set<Held> done = ConcurrentHashMap.newKeySet();
    /** The event whose chunk {@link #next} is handing out, until the dispatcher has taken it. */
    private Held handing;

    FanOut(EntityManager em, AgroalDataSource dataSource, SubscriptionMatcher matcher, EventLog eventLog) {
        this.em = em;
        this.dataSource = dataSource;
        this.matcher = matcher;
        this.eventLog = eventLog;
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

        Held(long seq, Instant leasedUntil) {
            this.seq = seq;
            this.leasedUntil = leasedUntil;
        }
    }

    /** A delivery handed to the dispatcher without a row: which event holds it, since when. */
    record Handoff(Held event, Instant at) {
    }

    /** The event being handed out: subscribers not yet handed, from {@code position}. */
    private static final class Progress {
        final AlertEvent event;
        final Held held;
        final List<Target> targets;
        final Set<UUID> waiting;
        int position;

        Progress(AlertEvent event, Held held, List<Target> targets, Set<UUID> waiting) {
            this.event = event;
            this.held = held;
            this.targets = targets;
            this.waiting = waiting;
        }
    }

    /**
     * Hands out the next chunk of waiting work: deliveries to send now, each leased until
     * {@code leaseUntil}; empty when no event waits.
     */
    Optional<List<Outgoing>> next(Instant now, Instant leaseUntil) {
        try {
            if (current == null) {
                current = QuarkusTransaction.requiringNew().call(() -> start(now));
                if (current == null) {
                    return Optional.empty();
                }
                held.put(current.event.seq, current.held);
            }
            handing = current.held;
            return Optional.of(chunk(current, now, leaseUntil));
        } catch (RuntimeException e) {
            // A subscription may have gone meanwhile: the event is matched anew once what was
            // handed has its rows, skipping those.
            handing = null;
            if (current != null) {
                current.held.abandoned = true;
                release(current.held);
                current = null;
            }
            throw e;
        }
    }

    /** The dispatcher has taken the chunk {@link #next} returned. */
    void handedOver() {
        handing = null;
    }

    /**
     * Before the fan-out thread runs again after it died. A chunk it was handing out may be
     * lost, and the count of its event's deliveries without a row with it: that event is let go
     * (no longer renewed, nor removed from the outbox here), so that within {@link #EVENT_LEASE}
     * it is fanned out again (by any instance), skipping the subscribers that have a delivery;
     * the outcome thread gives every handed delivery its row within a second. Events whose
     * lease ran out while the thread was dead are let go as well: another instance may hold them.
     */
    void resume(Instant now) {
        List<Held> lettingGo = new ArrayList<>();
        if (handing != null) {
            lettingGo.add(handing);
        }
        held.values().stream().filter(h -> !h.leasedUntil.isAfter(now)).forEach(lettingGo::add);
        if (current != null && (lettingGo.contains(current.held) || held.get(current.event.seq) != current.held)) {
            lettingGo.add(current.held);
            current = null;
        }
        lettingGo.forEach(h -> held.remove(h.seq, h));
        handing = null;
        if (!lettingGo.isEmpty()) {
            LOG.warnf("Fan-out resumed: events %s are left to their outbox lease and fanned out again",
                    lettingGo.stream().map(h -> h.seq).distinct().toList());
        }
    }

    private Progress start(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> picked = em.createNativeQuery(PICK).setParameter(1, now).getResultList();
        if (picked.isEmpty()) {
            return null;
        }
        AlertEvent event = em.find(AlertEvent.class, picked.get(0).longValue());
        Instant leasedUntil = now.plus(EVENT_LEASE);
        em.createNativeQuery("UPDATE event_outbox SET leased_until = ?1 WHERE event_seq = ?2")
                .setParameter(1, leasedUntil).setParameter(2, event.seq).executeUpdate();
        Set<UUID> delivered = uuids(em.createNativeQuery("SELECT subscription_id FROM delivery WHERE event_seq = ?1")
                .setParameter(1, event.seq).getResultList());
        List<Target> targets = subscribers(event, now).stream().filter(t -> !delivered.contains(t.id())).toList();
        Set<UUID> waiting = uuids(em.createNativeQuery("SELECT DISTINCT subscription_id FROM delivery_queue"
                + " WHERE chain_key = ?1 AND event_seq < ?2").setParameter(1, event.chainKey)
                .setParameter(2, event.seq).getResultList());
        return new Progress(event, new Held(event.seq, leasedUntil), targets, waiting);
    }

    private static Set<UUID> uuids(List<?> column) {
        Set<UUID> ids = new HashSet<>();
        column.forEach(value -> ids.add(NativeValues.uuid(value)));
        return ids;
    }

    private List<Outgoing> chunk(Progress progress, Instant now, Instant leaseUntil) {
        AlertEvent event = progress.event;
        int to = Math.min(progress.targets.size(), progress.position + CHUNK);
        List<Outgoing> handed = new ArrayList<>();
        List<UUID> queued = new ArrayList<>();
        Handoff handoff = new Handoff(progress.held, now);
        for (Target target : progress.targets.subList(progress.position, to)) {
            if (target.enabled() && !progress.waiting.contains(target.id())) {
                handed.add(new Outgoing(DeliveryIds.next(), target.id(), target.url(), target.secrets(),
                        target.filter().languages(), 0, event.seq, AlertEvent.publicId(event.id), event.chainKey,
                        event.type, event.createdAt, leaseUntil, handoff));
            } else {
                queued.add(target.id());
            }
        }
        if (!queued.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> enqueue(event, queued, now));
        }
        progress.held.open.addAndGet(handed.size());
        progress.position = to;
        if (to == progress.targets.size()) {
            current = null;
            release(progress.held);
        }
        return handed;
    }

    /** The rows of these handed deliveries exist now (any thread). */
    void recorded(Collection<Handoff> handoffs) {
        handoffs.forEach(h -> release(h.event()));
    }

    private void release(Held event) {
        if (event.open.decrementAndGet() == 0) {
            done.add(event);
        }
    }

    /** Whether held events finished, or their leases need renewing, by {@code now}. */
    boolean outboxWork(Instant now) {
        return !done.isEmpty() || held.values().stream().anyMatch(h -> renewable(h, now));
    }

    private static boolean renewable(Held h, Instant now) {
        return h.leasedUntil.isBefore(now.plus(EVENT_LEASE.dividedBy(2)));
    }

    /**
     * Removes finished events from the outbox (or releases those whose handing out failed, to
     * be fanned out again) and renews the leases of those still held. Events let go by
     * {@link #resume} are neither: they are no longer this instance's.
     */
    void maintainOutbox(Instant now) {
        done.removeIf(h -> held.get(h.seq) != h);
        List<Held> finished = List.copyOf(done);
        List<Held> renew = held.values().stream().filter(h -> !finished.contains(h) && renewable(h, now)).toList();
        if (finished.isEmpty() && renew.isEmpty()) {
            return;
        }
        Instant leasedUntil = now.plus(EVENT_LEASE);
        QuarkusTransaction.requiringNew().run(() -> {
            for (Held h : finished) {
                em.createNativeQuery(h.abandoned
                        ? "UPDATE event_outbox SET leased_until = NULL WHERE event_seq = ?1"
                        : "DELETE FROM event_outbox WHERE event_seq = ?1").setParameter(1, h.seq).executeUpdate();
            }
            for (Held h : renew) {
                em.createNativeQuery("UPDATE event_outbox SET leased_until = ?1 WHERE event_seq = ?2")
                        .setParameter(1, leasedUntil).setParameter(2, h.seq).executeUpdate();
            }
        });
        // Only now, when it is written: whatever fails before (an Error too) leaves them to the next round.
        finished.forEach(h -> {
            held.remove(h.seq, h);
            done.remove(h);
        });
        renew.forEach(h -> h.leasedUntil = leasedUntil);
    }

    private List<Target> subscribers(AlertEvent event, Instant now) {
        Optional<AlertView> alert = eventLog.alertOf(event);
        if (alert.isEmpty()) {
            return List.of();
        }
        Audience audience = Audience.of(alert.get().alert().scope(),
                CapAddresses.parse(alert.get().alert().addresses()), event.publishedBy);
        return matcher.matching(alert.get(), EventLog.relatedIds(event), eventLog.relatedRegions(event),
                eventLog::readOnce, audience, now);
    }

    /** Queues the event for these subscriptions, due now: a delivery row and a queue row each. */
    void enqueue(AlertEvent event, Collection<UUID> subscriptions, Instant now) {
        Timestamp created = Timestamp.from(now);
        try (Connection c = dataSource.getConnection();
                PreparedStatement delivery = c.prepareStatement("INSERT INTO delivery (id, subscription_id,"
                        + " event_seq, status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)");
                PreparedStatement queue = c.prepareStatement("INSERT INTO delivery_queue (delivery_id,"
                        + " subscription_id, chain_key, event_seq, due_at) VALUES (?, ?, ?, ?, ?)")) {
            for (UUID subscription : subscriptions) {
                UUID id = DeliveryIds.next();
                delivery.setObject(1, id);
                delivery.setObject(2, subscription);
                delivery.setLong(3, event.seq);
                delivery.setTimestamp(4, created);
                delivery.setTimestamp(5, created);
                delivery.addBatch();
                queue.setObject(1, id);
                queue.setObject(2, subscription);
                queue.setString(3, event.chainKey);
                queue.setLong(4, event.seq);
                queue.setTimestamp(5, created);
                queue.addBatch();
            }
            delivery.executeBatch();
            queue.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue deliveries of event " + event.seq, e);
        }
    }

    /** Delivers past events to one subscription again: new deliveries, same event ids. */
    int replay(UUID subscription, Instant since, Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> seqs = em.createNativeQuery("SELECT DISTINCT d.event_seq FROM delivery d"
                + " JOIN alert_event e ON e.seq = d.event_seq WHERE d.subscription_id = ?1 AND e.created_at >= ?2"
                + " ORDER BY d.event_seq").setParameter(1, subscription).setParameter(2, since).getResultList();
        List<AlertEvent> events = new ArrayList<>();
        seqs.forEach(seq -> events.add(em.find(AlertEvent.class, seq.longValue())));
        em.flush();
        events.forEach(e -> enqueue(e, List.of(subscription), now));
        return events.size();
    }
}
