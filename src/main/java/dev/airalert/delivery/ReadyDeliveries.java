package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Deliveries waiting for a send slot: handed by the fan-out or claimed from the queue, taken by
 * the dispatch thread or, when a request ends, by the event loop. At most twice
 * {@code max-in-flight} are handed at once: beyond that, events wait in the outbox, not in memory.
 */
@ApplicationScoped
class ReadyDeliveries {

    private final LinkedBlockingDeque<Outgoing> ready = new LinkedBlockingDeque<>();
    private final int maxInFlight;

    ReadyDeliveries(AirAlertConfig config) {
        this.maxInFlight = config.webhooks().maxInFlight();
    }

    /** Whether the fan-out may hand more. */
    boolean hasRoom() {
        return ready.size() < 2 * maxInFlight;
    }

    /** Whether the fan-out should be woken to hand more, the requests having taken half of what it may hand. */
    boolean runningLow() {
        return ready.size() < maxInFlight;
    }

    int size() {
        return ready.size();
    }

    void addAll(List<Outgoing> deliveries) {
        ready.addAll(deliveries);
    }

    /** Back at the head: it was first, and is to stay first. */
    void addFirst(Outgoing delivery) {
        ready.addFirst(delivery);
    }

    void addLast(Outgoing delivery) {
        ready.addLast(delivery);
    }

    /** The first ready delivery, or null. */
    Outgoing pollFirst() {
        return ready.pollFirst();
    }
}
