package dev.airalert.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try again after a failed attempt: a schedule of waits with +-{@code jitter} (so that
 * targets coming back are not hit by every retry at the same instant), or the wait the target
 * asked for (a {@code Retry-After}), capped.
 */
public final class Backoff {

    private final List<Duration> schedule;
    private final Duration maxAsked;
    private final double jitter;
    private final DoubleSupplier random;

    /** {@code jitter}: the fraction a wait may be longer or shorter by, 0 for none. */
    public Backoff(List<Duration> schedule, Duration maxAsked, double jitter) {
        this(schedule, maxAsked, jitter, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random}: numbers in [0, 1) that pick the jitter. */
    public Backoff(List<Duration> schedule, Duration maxAsked, double jitter, DoubleSupplier random) {
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one step");
        }
        this.schedule = List.copyOf(schedule);
        this.maxAsked = maxAsked;
        this.jitter = jitter;
        this.random = random;
    }

    /**
     * The next attempt after {@code attemptsMade} failed ones (at least 1): when the target asked,
     * then (capped), else the schedule's step; empty when the schedule is used up.
     */
    public Optional<Instant> next(int attemptsMade, Optional<Duration> asked, Instant now) {
        if (attemptsMade > schedule.size()) {
            return Optional.empty();
        }
        if (asked.isPresent()) {
            return Optional.of(now.plus(asked.get().compareTo(maxAsked) > 0 ? maxAsked : asked.get()));
        }
        return Optional.of(now.plus(jittered(schedule.get(attemptsMade - 1))));
    }

    /** The wait after {@code attemptsMade} failed ones, for work that is never given up: the last step repeats. */
    public Duration untiring(int attemptsMade) {
        return jittered(schedule.get(Math.min(Math.max(attemptsMade, 1), schedule.size()) - 1));
    }

    private Duration jittered(Duration base) {
        if (jitter == 0) {
            return base;
        }
        return Duration.ofMillis((long) (base.toMillis() * (1 - jitter + 2 * jitter * random.getAsDouble())));
    }

    /** A {@code Retry-After} value (seconds or an HTTP date) as a wait from {@code now}; empty when unreadable. */
    public static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }
}
