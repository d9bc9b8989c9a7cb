package dev.airalert.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the delivery workers when there is new work (a committed publish, a finished
 * request), so events go out at once instead of at the next poll. Polling remains for work
 * that other instances created.
 */
@ApplicationScoped
class DeliverySignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean pending;
    private volatile boolean newEvents = true;

    /** Something finished: there may be room to send more. */
    void wake() {
        lock.lock();
        try {
            pending = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A publish committed here: there are events to fan out. */
    void wakeForEvents() {
        newEvents = true;
        wake();
    }

    /** Whether events were announced since the last call (and forget it). */
    boolean takeNewEvents() {
        boolean had = newEvents;
        newEvents = false;
        return had;
    }

    /** Waits until woken or until the timeout; returns at once if woken since the last wait. */
    void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                changed.await(millis, TimeUnit.MILLISECONDS);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
