package dev.airalert.worker;

import dev.airalert.AirAlertConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The deaths of one worker: the wait before its next restart (doubling from the first delay to
 * the longest, and back to the first once it has run stably), how often it died lately, and
 * since when it has been unsteady. Not thread-safe: its worker guards it.
 */
final class Deaths {

    private final AirAlertConfig.Workers config;
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();
    private Duration nextWait;
    private Instant unsteadySince;

    Deaths(AirAlertConfig.Workers config) {
        this.config = config;
        this.nextWait = config.restartDelay();
    }

    /** A run that began at {@code startedAt} died at {@code at}: returns how long to wait before the restart. */
    Duration died(Instant startedAt, Instant at) {
        if (!startedAt.plus(config.stableAfter()).isAfter(at)) {
            nextWait = config.restartDelay();
            unsteadySince = at;
        } else if (unsteadySince == null) {
            unsteadySince = at;
        }
        recent.add(at);
        forgetBefore(at);
        Duration wait = nextWait;
        Duration doubled = nextWait.multipliedBy(2);
        nextWait = doubled.compareTo(config.maxRestartDelay()) > 0 ? config.maxRestartDelay() : doubled;
        return wait;
    }

    /** Deaths within the window up to {@code now}. */
    int recent(Instant now) {
        forgetBefore(now);
        return recent.size();
    }

    /** Whether the worker died too often lately to count as kept running. */
    boolean tooMany(Instant now) {
        return recent(now) >= config.maxDeaths();
    }

    /** The first death since the worker last ran stably; null if it never died. */
    Instant unsteadySince() {
        return unsteadySince;
    }

    Instant last() {
        return recent.peekLast();
    }

    Duration window() {
        return config.deathWindow();
    }

    private void forgetBefore(Instant now) {
        Instant from = now.minus(config.deathWindow());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(from)) {
            recent.pollFirst();
        }
    }
}
