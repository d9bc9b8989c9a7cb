package dev.airalert.delivery;

import dev.airalert.Lru;
import dev.airalert.event.AlertEvent;
import dev.airalert.event.EventLog;
import dev.airalert.subscription.SubscriptionRepository.Target;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Turns outbox events into deliveries: picks the next events ({@link HeldEvents}, a batch at a
 * time), finds each one's recipients once ({@link Recipients}), and hands them out a chunk at a
 * time as the sender has room.
 *
 * <p>Subscribers that can be sent to at once (enabled, no earlier event of the chain still
 * queued for them) are handed to the sender with no row written yet: the first attempt's
 * outcome writes the delivery row (or {@link EarlyRows} does, for an attempt that takes long).
 * That keeps a fan-out to thousands at one write per delivery. All other subscribers get a
 * delivery row due now, which the queue gives out in chain order. An event fanned out again
 * (its instance died) skips subscribers that already have a delivery of it, so only attempts
 * that were in flight at the crash can arrive twice (with the same {@code webhook-id}).
 *
 * <p>Runs on the fan-out thread; when that thread dies, its successor calls {@link #resume} first.
 */
@ApplicationScoped
class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);

    static final int CHUNK = 1000;

    /** The first wait before an event that failed to start is tried again; it doubles with each failure. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    /** The longest wait between tries of an event that keeps failing to start. */
    static final Duration LAST_RETRY = Duration.ofMinutes(5);
    /** Failures remembered: events that failed to start lately, by sequence number. */
    private static final int REMEMBERED = 1000;

    private final EntityManager em;
    private final EventLog eventLog;
    private final Recipients recipients;
    private final HeldEvents events;
    private final DeliveryQueue queue;
    private final AlertEnds ends;
    /** Events picked and held, not yet started, oldest first. */
    private final Deque<HeldEvents.Held> picked = new ArrayDeque<>();
    /** The event being handed out, with its subscribers still to hand. */
    private Progress current;
    /** The event whose chunk {@link #next} is handing out, until the sender has taken it. */
    private HeldEvents.Held handing;
    /** How often each event failed to start here lately. */
    private final Lru<Long, Integer> failures = new Lru<>(REMEMBERED);

    FanOut(EntityManager em, EventLog eventLog, Recipients recipients, HeldEvents events, DeliveryQueue queue,
            AlertEnds ends) {
        this.em = em;
        this.eventLog = eventLog;
        this.recipients = recipients;
        this.events = events;
        this.queue = queue;
        this.ends = ends;
    }

    /** The event being handed out: subscribers not yet handed, from {@code position}. */
    private static final class Progress {
        final AlertEvent event;
        final HeldEvents.Held held;
        final List<Target> targets;
        final Set<UUID> waiting;
        final AlertEnds.State ends;
        int position;

        Progress(AlertEvent event, HeldEvents.Held held, List<Target> targets, Set<UUID> waiting,
                AlertEnds.State ends) {
            this.event = event;
            this.held = held;
            this.targets = targets;
            this.waiting = waiting;
            this.ends = ends;
        }
    }

    /**
     * Hands out the next chunk of waiting work: deliveries to send now, each leased until
     * {@code leaseUntil}; empty when no event waits.
     */
    Optional<List<Outgoing>> next(Instant now, Instant leaseUntil) {
        try {
            if (current == null) {
                if (picked.isEmpty()) {
                    List<HeldEvents.Held> batch = QuarkusTransaction.requiringNew().call(() -> events.pick(now));
                    batch.forEach(events::hold);
                    picked.addAll(batch);
                }
                if (picked.isEmpty()) {
                    return Optional.empty();
                }
                HeldEvents.Held starting = picked.peekFirst();
                try {
                    current = QuarkusTransaction.requiringNew().call(() -> start(starting, now));
                } catch (RuntimeException e) {
                    // Back to the outbox, not held here while it fails: any instance tries it
                    // again, after a wait that doubles with each failure, so that an event
                    // that cannot start (a stored row that does not read) is not picked first
                    // again and again, each time holding up the events after it.
                    picked.removeFirst();
                    Integer before = failures.get(starting.seq);
                    int failed = before == null ? 1 : before + 1;
                    failures.put(starting.seq, failed);
                    Duration wait = retryWait(failed);
                    LOG.errorf(e, "Event %d could not be fanned out (failure %d here); it stays in the outbox and is"
                            + " tried again in %s", starting.seq, failed, wait);
                    events.retryLater(starting, now.plus(wait));
                    throw e;
                }
                // (An Error leaves it first in line, held, for the thread's successor.)
                picked.removeFirst();
                failures.remove(starting.seq);
            }
            handing = current.held;
            return Optional.of(chunk(current, now, leaseUntil));
        } catch (RuntimeException e) {
            // A subscription may have gone meanwhile: the event is matched anew once what was
            // handed has its rows, skipping those.
            handing = null;
            if (current != null) {
                current.held.abandoned = true;
                events.release(current.held);
                current = null;
            }
            throw e;
        }
    }

    /** How often the event failed to start here lately. */
    int failures(long seq) {
        Integer failed = failures.get(seq);
        return failed == null ? 0 : failed;
    }

    /** How long an event that failed to start {@code failed} times waits before it is tried again. */
    static Duration retryWait(int failed) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failed - 1, 16));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }

    /** The sender has taken the chunk {@link #next} returned. */
    void handedOver() {
        handing = null;
    }

    /**
     * Before the fan-out thread runs again after it died. A chunk it was handing out may be
     * lost, and the count of its event's deliveries without a row with it: that event is let go,
     * so that within a lease it is fanned out again (by any instance), skipping the subscribers
     * that have a delivery; every handed delivery gets its row within a second. Events whose
     * lease ran out while the thread was dead are let go as well: another instance may hold them.
     */
    void resume(Instant now) {
        List<HeldEvents.Held> lettingGo = new ArrayList<>(events.expired(now));
        if (handing != null) {
            lettingGo.add(handing);
        }
        if (current != null && (lettingGo.contains(current.held) || !events.holds(current.held))) {
            lettingGo.add(current.held);
            current = null;
        }
        events.letGo(lettingGo);
        picked.removeIf(h -> !events.holds(h));
        handing = null;
        if (!lettingGo.isEmpty()) {
            LOG.warnf("Fan-out resumed: events %s are left to their outbox lease and fanned out again",
                    lettingGo.stream().map(h -> h.seq).distinct().toList());
        }
    }

    private Progress start(HeldEvents.Held held, Instant now) {
        // Only reads: nothing to flush before each query, no snapshots to compare at commit.
        Session session = em.unwrap(Session.class);
        session.setHibernateFlushMode(FlushMode.MANUAL);
        session.setDefaultReadOnly(true);
        AlertEvent event = eventLog.bySeq(held.seq).orElseThrow();
        Recipients.Found found = recipients.of(event, now);
        return new Progress(event, held, found.targets(), found.waiting(),
                found.targets().isEmpty() ? AlertEnds.State.NONE : ends.of(event));
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
                        target.filter().languages(), 0, event.seq(), AlertEvent.publicId(event.id()),
                        event.chainKey(), event.type(), event.createdAt(), leaseUntil, handoff, target.format(),
                        progress.ends.ended(), progress.ends.expires(), target.deliverLate(), target.place()));
            } else {
                queued.add(target.id());
            }
        }
        if (!queued.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> queue.enqueue(event, queued, now));
        }
        progress.held.open.addAndGet(handed.size());
        progress.position = to;
        if (to == progress.targets.size()) {
            current = null;
            events.release(progress.held);
        }
        return handed;
    }
}
