package dev.airalert.delivery;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes the delivery workers when there is new work, so events go out at once instead of at
 * the next poll: the fan-out when a publish committed here (or the dispatcher drained what
 * it was handed), the dispatcher when deliveries are ready or a request finished, the outcome
 * thread when a request ended. Polling remains for work that other instances created.
 */
@ApplicationScoped
class DeliverySignal {

    private final Latch events = new Latch();
    private final Latch work = new Latch();
    private final Latch outcomes = new Latch();

    /** A publish committed here, or there is room for more fanned-out deliveries. */
    void wakeFanOut() {
        events.open();
    }

    /** Deliveries are ready, or a request finished and freed a slot. */
    void wakeDispatcher() {
        work.open();
    }

    /** A request ended: its outcome is to be recorded. */
    void wakeRecorder() {
        outcomes.open();
    }

    void awaitFanOut(long millis) throws InterruptedException {
        events.await(millis);
    }

    void awaitDispatcher(long millis) throws InterruptedException {
        work.await(millis);
    }

    void awaitOutcomes(long millis) throws InterruptedException {
        outcomes.await(millis);
    }

    /**
     * Opened by any number of wakes, closed by the next wait that passes it. A monitor, not a
     * lock's Condition: a worker killed while it waits (ThreadDeath, any Error thrown in the
     * wait) gives a monitor back whole, whereas it can leave a Condition's lock with a dead
     * waiter in its queue, after which the threads that wake it (Vert.x event loops) hang.
     */
    private static final class Latch {
        private boolean open;

        synchronized void open() {
            open = true;
            notifyAll();
        }

        /** Waits until opened or until the timeout; returns at once if opened since the last wait. */
        synchronized void await(long millis) throws InterruptedException {
            if (!open) {
                wait(Math.max(1, millis));
            }
            open = false;
        }
    }
}
