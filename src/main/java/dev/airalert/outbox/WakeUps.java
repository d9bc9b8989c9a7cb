package dev.airalert.outbox;

import java.time.Duration;

/**
 * Wakes worker threads when there is work, so it is done at once instead of at the next
 * poll. Counted, not a flag: every waiting thread sees every wake-up, and one that came
 * while a thread was working is not lost (the thread notes the count before working).
 * A monitor, not a lock's Condition: a worker killed while it waits (ThreadDeath, any Error
 * thrown in the wait) gives a monitor back whole, whereas it can leave a Condition's lock with
 * a dead waiter in its queue, after which the threads that wake it hang.
 */
public final class WakeUps {

    private long count;

    /** There is work. */
    public synchronized void wake() {
        count++;
        notifyAll();
    }

    /** The wake-ups so far: note it before working, pass it to {@link #awaitAfter}. */
    public synchronized long seen() {
        return count;
    }

    /** Waits for a wake-up after {@code seen}, at most {@code timeout}. */
    public synchronized void awaitAfter(long seen, Duration timeout) throws InterruptedException {
        if (count == seen) {
            wait(Math.max(1, timeout.toMillis()));
        }
    }
}
