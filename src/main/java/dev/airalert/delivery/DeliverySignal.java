package dev.airalert.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the delivery workers when there is new work, so events go out at once instead of at
 * the next poll: the fan-out when a publish committed here (or the dispatcher drained what
 * it was handed), the dispatcher when deliveries are ready or a request finished. Polling
 * remains for work that other instances created.
 */
@ApplicationScoped
class DeliverySignal {

    private final Latch events = new Latch();
    private final Latch work = new Latch();

    /** A publish committed here, or there is room for more fanned-out deliveries. */
    void wakeFanOut() {
        events.open();
    }

    /** Deliveries are ready, or a request finished and freed a slot. */
    void wakeDispatcher() {
        work.open();
    }

    void awaitFanOut(long millis) throws InterruptedException {
        events.await(millis);
    }

    void awaitDispatcher(long millis) throws InterruptedException {
        work.await(millis);
    }

    /** Opened by any number of wakes, closed by the next wait that passes it. */
    private static final class Latch {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition opened = lock.newCondition();
        private boolean open;

        void open() {
            lock.lock();
            try {
                open = true;
                opened.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Waits until opened or until the timeout; returns at once if opened since the last wait. */
        void await(long millis) throws InterruptedException {
            lock.lock();
            try {
                if (!open) {
                    opened.await(millis, TimeUnit.MILLISECONDS);
                }
                open = false;
            } finally {
                lock.unlock();
            }
        }
    }
}
