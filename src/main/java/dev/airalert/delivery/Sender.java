package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.outbox.SendSlots;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;

/**
 * The dispatch thread's work: sends ready deliveries ({@link ReadyDeliveries}) while there are
 * free slots, through {@link Requests}; those whose endpoint has all its slots busy wait; when
 * only those are left, claims due deliveries from the queue ({@link DueDeliveries}).
 *
 * <p>What the dispatch thread took from ready and has neither sent nor put back is kept in
 * {@link #inHand}, so that a dispatch thread that died is followed by one that puts it back
 * first ({@link #handBack}): nothing handed is lost.
 */
@ApplicationScoped
class Sender {

    /** A lease lasts the request timeout plus this, from claim or hand-out. */
    private static final Duration LEASE_EXTRA = Duration.ofSeconds(30);

    private final Requests requests;
    private final ReadyDeliveries ready;
    private final EarlyRows rows;
    private final DueDeliveries due;
    private final DeliverySignal signal;
    private final Duration requestTimeout;
    private final SendSlots<UUID> slots;
    private final Clock clock = Clocks.UTC;
    /** Taken from ready, neither sent nor put back yet (dispatch thread only). */
    private final ArrayDeque<Outgoing> inHand = new ArrayDeque<>();
    /** How many ready deliveries wait only for their endpoint's slots (dispatch thread only). */
    private int waitingForEndpoint;
    /** The last of {@link #inHand} is being offered a slot: it holds a request slot, and maybe its endpoint's. */
    private boolean offering;
    private boolean offeringEndpointSlot;

    Sender(Requests requests, ReadyDeliveries ready, EarlyRows rows, DueDeliveries due, DeliverySignal signal,
            AirAlertConfig config) {
        this.requests = requests;
        this.ready = ready;
        this.rows = rows;
        this.due = due;
        this.signal = signal;
        this.requestTimeout = config.webhooks().requestTimeout();
        this.slots = requests.slots();
    }

    Instant leaseEnd(Instant now) {
        return now.plus(requestTimeout).plus(LEASE_EXTRA);
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

    /** One pass: sends what is ready, claims due deliveries when only those waiting for their endpoint are left. */
    int dispatch() throws SQLException {
        int sent = sendReady();
        if (ready.size() == waitingForEndpoint) {
            Instant now = clock.instant();
            List<Outgoing> claimed = due.claim(slots, now, leaseEnd(now));
            ready.addAll(claimed);
            sent += claimed.isEmpty() ? 0 : sendReady();
        }
        return sent;
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
            Requests.Step step = requests.offer(delivery, true, () -> offeringEndpointSlot = true);
            offering = false;
            offeringEndpointSlot = false;
            if (step == Requests.Step.SENT) {
                sent++;
            } else {
                slots.give();
            }
            if (step != Requests.Step.ENDPOINT_BUSY) {
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
                slots.giveFor(failed.slotKey());
            }
            offering = false;
            offeringEndpointSlot = false;
        }
        for (Outgoing held; (held = inHand.peekLast()) != null; inHand.pollLast()) {
            ready.addFirst(held);
        }
    }
}
