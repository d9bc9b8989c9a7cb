package dev.airalert;

import java.time.Clock;
import java.time.Duration;

/**
 * The service's clock. It ticks in microseconds, the finest time PostgreSQL and H2 store, so an
 * instant the service makes is the instant it reads back: a {@code receivedAt} in a 201 equals the
 * one every later read of the alert shows, and a cursor or a comparison made from a fresh instant
 * matches the stored row. Every clock of the service is this one.
 */
public final class Clocks {

    /** UTC, truncated to the microsecond. */
    public static final Clock UTC = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private Clocks() {
    }
}
