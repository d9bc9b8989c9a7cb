package dev.airalert.delivery;

import dev.airalert.outbox.WakeUps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Wakes the delivery workers when there is new work, so events go out at once instead of at
 * the next poll: the fan-out when a publish committed (or the sender drained what it was
 * handed), the dispatch thread when deliveries are ready or a request finished, the outcome
 * thread when a request ended. Polling remains for work that other instances created.
 */
@ApplicationScoped
class DeliverySignal {

    private final Waiter fanOut = new Waiter();
    private final Waiter dispatcher = new Waiter();
    private final Waiter outcomes = new Waiter();

    /** A publish committed, or there is room for more fanned-out deliveries. */
    void wakeFanOut() {
        fanOut.wake();
    }

    /** Deliveries are ready, or a request finished and freed a slot. */
    void wakeDispatcher() {
        dispatcher.wake();
    }

    /** A request ended: its outcome is to be recorded. */
    void wakeRecorder() {
        outcomes.wake();
    }

    void awaitFanOut(long millis) throws InterruptedException {
        fanOut.await(millis);
    }

    void awaitDispatcher(long millis) throws InterruptedException {
        dispatcher.await(millis);
    }

    void awaitOutcomes(long millis) throws InterruptedException {
        outcomes.await(millis);
    }

    /**
     * One worker's wake-ups: a wait returns at once if it was woken since its last wait returned,
     * so a wake-up while the worker was busy is not lost.
     */
    private static final class Waiter {
        private final WakeUps wakeUps = new WakeUps();
        private volatile long seen;

        void wake() {
            wakeUps.wake();
        }

        void await(long millis) throws InterruptedException {
            wakeUps.awaitAfter(seen, Duration.ofMillis(millis));
            seen = wakeUps.seen();
        }
    }
}
