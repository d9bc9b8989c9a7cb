package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import dev.airalert.outbound.TargetGuard;
import dev.airalert.outbox.SendSlots;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import org.jboss.logging.Logger;

/**
 * Sends ready deliveries (handed by the fan-out or claimed from the queue) while there are free
 * slots ({@link SendSlots}: {@code max-in-flight} overall, {@code per-endpoint-concurrency} per
 * subscription); one whose endpoint has all its slots busy waits. Requests go out
 * asynchronously; when one ends, on the event loop, the next ready delivery takes over its slot
 * at once if nothing about it blocks. A delivery with a row is sent only while its lease
 * outlasts the request; one whose lease ran low while it waited is left to the queue.
 *
 * <p>{@link #sendReady} and {@link #handBack} run on the dispatch thread. What it took from
 * ready and has neither sent nor put back is kept in {@link #inHand}, so that a dispatch thread
 * that died is followed by one that puts it back first: nothing handed is lost.
 */
@ApplicationScoped
class Sender {

    private static final Logger LOG = Logger.getLogger(Sender.class);
    /** A lease lasts the request timeout plus this, from claim or hand-out. */
    private static final Duration LEASE_EXTRA = Duration.ofSeconds(30);
    /** A delivery with a row is sent only while its lease outlasts the request by at least this. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private final WebhookClient client;
    private final TargetGuard guard;
    private final WebhookBodies bodies;
    private final RevokedSubscriptions revoked;
    private final EarlyRows rows;
    private final OutcomeWriter outcomes;
    private final DueDeliveries due;
    private final DeliverySignal signal;
    private final Duration requestTimeout;
    private final SendSlots<UUID> slots;
    private final Clock clock = Clock.systemUTC();
    /** Deliveries waiting for a free slot. */
    private final LinkedBlockingDeque<Outgoing> ready = new LinkedBlockingDeque<>();
    /** Taken from ready by the dispatch thread, neither sent nor put back yet (dispatch thread only). */
    private final ArrayDeque<Outgoing> inHand = new ArrayDeque<>();
    /** How many ready deliveries wait only for their endpoint's slots (dispatch thread only). */
    private int waitingForEndpoint;
    /** The last of {@link #inHand} is being offered a slot: it holds a request slot, and maybe its endpoint's. */
    private boolean offering;
    private boolean offeringEndpointSlot;
    private volatile Thread dispatchThread;
    private volatile boolean running = true;

    Sender(WebhookClient client, TargetGuard guard, WebhookBodies bodies, RevokedSubscriptions revoked, EarlyRows rows,
            OutcomeWriter outcomes, DueDeliveries due, DeliverySignal signal, AirAlertConfig config) {
        this.client = client;
        this.guard = guard;
        this.bodies = bodies;
        this.revoked = revoked;
        this.rows = rows;
        this.outcomes = outcomes;
        this.due = due;
        this.signal = signal;
        this.requestTimeout = config.webhooks().requestTimeout();
        this.slots = new SendSlots<>(config.webhooks().maxInFlight(), config.webhooks().perEndpointConcurrency());
    }

    Instant leaseEnd(Instant now) {
        return now.plus(requestTimeout).plus(LEASE_EXTRA);
    }

    /** Whether the fan-out may hand more: beyond this, handed deliveries wait in the outbox, not in memory. */
    boolean hasRoom() {
        return ready.size() < 2 * slots.max();
    }

    /** From the fan-out thread: deliveries without a row, to send now. */
    void hand(List<Outgoing> deliveries) {
        rows.handed(deliveries);
        ready.addAll(deliveries);
        signal.wakeDispatcher();
    }

    int inFlight() {
        return slots.inFlight();
    }

    void stop() {
        running = false;
    }

    /** One pass of the dispatch thread: sends what is ready, claims due deliveries when only those waiting for their endpoint are left. */
    int dispatch() throws SQLException {
        dispatchThread = Thread.currentThread();
        int sent = sendReady();
        if (ready.size() == waitingForEndpoint) {
            Instant now = clock.instant();
            List<Outgoing> claimed = due.claim(slots, now, leaseEnd(now));
            ready.addAll(claimed);
            sent += claimed.isEmpty() ? 0 : sendReady();
        }
        return sent;
    }

    /** What became of a ready delivery offered a slot. */
    private enum Step {
        SENT,
        /** Its lease ran low while it waited: left to the queue. */
        DROPPED,
        /** Its endpoint has all its slots busy. */
        ENDPOINT_BUSY,
        /** Sending it needs a blocking call (event payload, DNS): the dispatch thread's job. */
        BLOCKING
    }

    /** Sends ready deliveries while slots are free; those whose endpoint is at its limit wait. */
    private int sendReady() throws SQLException {
        int sent = 0;
        int taken = 0;
        Outgoing delivery;
        while (slots.free() > 0 && (delivery = ready.pollFirst()) != null) {
            inHand.addLast(delivery);
            taken++;
            slots.take();
            offering = true;
            Step step = offerSlot(delivery, true);
            offering = false;
            offeringEndpointSlot = false;
            if (step != Step.SENT) {
                slots.give();
            } else {
                sent++;
            }
            if (step != Step.ENDPOINT_BUSY) {
                inHand.pollLast();
            }
        }
        waitingForEndpoint = inHand.size();
        // Each leaves inHand only once it is back in ready: an Error on the way (no memory) leaves it in hand, not lost.
        for (Outgoing waiting; (waiting = inHand.peekFirst()) != null; inHand.pollFirst()) {
            ready.addLast(waiting);
        }
        if (taken > waitingForEndpoint) {
            signal.wakeFanOut();
        }
        return sent;
    }

    /**
     * After a pass of the dispatch thread failed, or it died: what it held goes back to the
     * head of ready. The delivery it was offering a slot gives its slots back and is left to its
     * lease (it may be what failed): a claimed one is claimed again, a handed one gets its early
     * row and is then claimed.
     */
    void handBack() {
        if (offering) {
            Outgoing failed = inHand.pollLast();
            slots.give();
            if (offeringEndpointSlot) {
                slots.giveFor(failed.subscriptionId());
            }
            offering = false;
            offeringEndpointSlot = false;
        }
        for (Outgoing held; (held = inHand.peekLast()) != null; inHand.pollLast()) {
            ready.addFirst(held);
        }
    }

    /** Sends the delivery in a slot the caller holds, if it can go now. */
    private Step offerSlot(Outgoing delivery, boolean mayBlock) throws SQLException {
        if (rows.hasRow(delivery) && delivery.leasedUntil().isBefore(clock.instant().plus(requestTimeout).plus(LEASE_MARGIN))) {
            LOG.debugf("Delivery %s waited too long here; the queue gives it out again when its lease ends",
                    delivery.deliveryId());
            return Step.DROPPED;
        }
        byte[] body = mayBlock ? bodies.body(delivery) : bodies.atHand(delivery);
        Optional<TargetGuard.Verdict> cleared = guard.cleared(delivery.url());
        if (body == null || !mayBlock && cleared.isEmpty()) {
            return Step.BLOCKING;
        }
        if (!slots.takeFor(delivery.subscriptionId())) {
            return Step.ENDPOINT_BUSY;
        }
        if (Thread.currentThread() == dispatchThread && offering) {
            // The dispatch thread's own offer (not a request that ended on it and passed its slot on).
            offeringEndpointSlot = true;
        }
        // The request goes to the address the verdict checked, never to a fresh DNS answer.
        TargetGuard.Verdict verdict = revoked.contains(delivery.subscriptionId())
                ? TargetGuard.Verdict.refused("the subscription's API key was revoked")
                : cleared.orElseGet(() -> guard.verdict(delivery.url()));
        (verdict.allowed() ? client.send(delivery, verdict.address(), body, delivery.secrets())
                : client.refuse(delivery, verdict.refusal()))
                .thenAccept(this::finished);
        return Step.SENT;
    }

    /**
     * On the event loop, when a request ended: the next ready delivery takes over the slot
     * at once if nothing about it blocks; otherwise the slot is freed for the dispatch thread.
     */
    private void finished(Outcome outcome) {
        outcomes.add(outcome);
        slots.giveFor(outcome.delivery().subscriptionId());
        try {
            for (Outgoing next; running && (next = ready.pollFirst()) != null;) {
                Step step = offerSlot(next, false);
                if (step == Step.SENT) {
                    if (ready.size() < slots.max()) {
                        signal.wakeFanOut();
                    }
                    return;
                }
                if (step != Step.DROPPED) {
                    ready.addFirst(next);
                    break;
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Sending the next delivery: %s; the dispatch thread takes over", e.getMessage());
        }
        slots.give();
        // A free slot is work for the dispatcher at once; the row stays leased until recorded.
        signal.wakeDispatcher();
    }
}
