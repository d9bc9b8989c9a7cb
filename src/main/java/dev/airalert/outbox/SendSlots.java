package dev.airalert.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests a channel has in flight: at most {@code max} at once, and at most
 * {@code perTarget} to any one target (an endpoint), so that a slow or dead target holds its own
 * slots and nobody else's. Slots are taken and given back from any thread.
 */
public final class SendSlots<K> {

    private final int max;
    private final int perTarget;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<K, Integer> byTarget = new ConcurrentHashMap<>();

    public SendSlots(int max, int perTarget) {
        this.max = max;
        this.perTarget = perTarget;
    }

    public int max() {
        return max;
    }

    public int perTarget() {
        return perTarget;
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int free() {
        return max - inFlight.get();
    }

    /** Takes one of the {@code max} slots; the caller made sure there is one (one thread takes them). */
    public void take() {
        inFlight.incrementAndGet();
    }

    public void give() {
        inFlight.decrementAndGet();
    }

    /** The target's slots in use. */
    public int busy(K target) {
        return byTarget.getOrDefault(target, 0);
    }

    /** One of the target's slots, if it has one free. */
    public boolean takeFor(K target) {
        return takeFor(target, perTarget);
    }

    /** One of the target's slots, if fewer than {@code limit} are busy: for a target that is many (a push service). */
    public boolean takeFor(K target, int limit) {
        boolean[] taken = new boolean[1];
        byTarget.compute(target, (k, n) -> {
            int busy = n == null ? 0 : n;
            taken[0] = busy < limit;
            return taken[0] ? busy + 1 : n;
        });
        return taken[0];
    }

    public void giveFor(K target) {
        byTarget.computeIfPresent(target, (k, n) -> n == 1 ? null : n - 1);
    }
}
