package dev.airalert;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes worker threads when there is work, so it is done at once instead of at the next
 * poll. Counted, not a flag: every waiting thread sees every wake-up, and one that came
 * while a thread was working is not lost (the thread notes the count before working).
 */
public final class WakeUps {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long count;

    /** There is work. */
    public void wake() {
        lock.lock();
        try {
            count++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The wake-ups so far: note it before working, pass it to {@link #awaitAfter}. */
    public long seen() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a wake-up after {@code seen}, at most {@code timeout}. */
    public void awaitAfter(long seen, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            if (count == seen) {
                changed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
