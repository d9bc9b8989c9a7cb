package dev.airalert.worker;

import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One long-lived worker: a loop on a thread of its own, run again on a new thread whenever it
 * ends or dies (any Throwable: OutOfMemoryError, StackOverflowError, ThreadDeath) until it is
 * stopped. A run that ends by itself counts as a death too: only {@link #stop} ends a worker.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class);
    /** A restart this late means that supervision itself is stuck. */
    private static final Duration OVERDUE = Duration.ofSeconds(5);

    private final String name;
    private final Runnable loop;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Deaths deaths;
    private final Counter restarts;
    // All below guarded by this.
    private Thread thread;
    private Instant startedAt;
    /** When the current thread's death was recorded; null while it runs. */
    private Instant diedAt;
    private ScheduledFuture<?> restart;
    private Instant restartAt;
    private Duration lastWait = Duration.ZERO;
    private boolean stopped;

    Worker(String name, Runnable loop, ScheduledExecutorService scheduler, Clock clock, Deaths deaths, Counter restarts) {
        this.name = name;
        this.loop = loop;
        this.scheduler = scheduler;
        this.clock = clock;
        this.deaths = deaths;
        this.restarts = restarts;
    }

    public String name() {
        return name;
    }

    /** Runs the loop on a new thread; if there is none to be had (no memory), that is a death like any other. */
    synchronized boolean launch() {
        startedAt = clock.instant();
        diedAt = null;
        try {
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
            return true;
        } catch (Throwable noThread) {
            ended(thread, noThread);
            return false;
        }
    }

    private void run() {
        Throwable death = null;
        try {
            loop.run();
        } catch (Throwable e) {
            death = e;
        }
        ended(Thread.currentThread(), death);
    }

    /** The run on {@code which} ended: unless the worker is stopped, it runs again after the back-off. */
    private synchronized void ended(Thread which, Throwable death) {
        if (which != thread || stopped || diedAt != null) {
            return;
        }
        diedAt = clock.instant();
        lastWait = deaths.died(startedAt, diedAt);
        scheduleRestart(lastWait);
        try {
            if (death == null) {
                LOG.errorf("Worker %s ended although it was not stopped; restarting it in %d ms", name, lastWait.toMillis());
            } else {
                LOG.errorf(death, "Worker %s died; restarting it in %d ms", name, lastWait.toMillis());
            }
        } catch (Throwable unwritable) {
            // A log line that cannot be written (no memory left) must not keep the worker from its restart.
        }
    }

    private void scheduleRestart(Duration wait) {
        restartAt = clock.instant().plus(wait);
        restart = scheduler.schedule(this::restart, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void restart() {
        restart = null;
        restartAt = null;
        if (!stopped && launch()) {
            restarts.increment();
        }
    }

    /**
     * Called every second by the supervisor: a thread that died without telling (killed inside
     * the death handling, or its restart could not be scheduled) is found and restarted here.
     */
    synchronized void watch() {
        if (stopped || restart != null || alive()) {
            return;
        }
        if (diedAt == null) {
            ended(thread, null);
        } else {
            scheduleRestart(lastWait);
        }
    }

    /** No restart from now on; the loop itself is ended by its owner, as before (its running flag). */
    public synchronized void stop() {
        stopped = true;
        if (restart != null) {
            restart.cancel(false);
            restart = null;
            restartAt = null;
        }
    }

    /** Waits up to {@code timeout} for the current run to end; whether it has. */
    public boolean join(Duration timeout) throws InterruptedException {
        Thread current;
        synchronized (this) {
            current = thread;
        }
        if (current != null) {
            current.join(Math.max(1, timeout.toMillis()));
        }
        return current == null || !current.isAlive();
    }

    private boolean alive() {
        return thread != null && thread.isAlive();
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /** The wait before the latest restart (pending or done); zero before the first death. */
    synchronized Duration lastRestartDelay() {
        return lastWait;
    }

    /** For readiness: why the worker is not running now, and since when; empty while it runs. */
    synchronized Optional<String> stall(Instant now) {
        if (stopped || alive()) {
            return Optional.empty();
        }
        // A recorded death: since the first of the deaths that followed its last stable run.
        Instant since = diedAt == null ? now : deaths.unsteadySince();
        return Optional.of("stalled since " + since + (restartAt == null ? "" : ", restarting at " + restartAt));
    }

    /** For liveness: why the worker cannot be kept running; empty while it can. */
    synchronized Optional<String> failure(Instant now) {
        if (stopped) {
            return Optional.empty();
        }
        if (deaths.tooMany(now)) {
            return Optional.of("died " + deaths.recent(now) + " times within " + deaths.window() + ", last at "
                    + deaths.last());
        }
        if (!alive() && (restartAt == null || restartAt.plus(OVERDUE).isBefore(now))) {
            return Optional.of("not running since " + (diedAt != null ? diedAt : now) + " and not being restarted");
        }
        return Optional.empty();
    }
}
