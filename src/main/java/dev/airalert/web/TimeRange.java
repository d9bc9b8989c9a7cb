package dev.airalert.web;

import java.time.Instant;

/**
 * The instants the service takes, in alerts and in queries: years 1 to 9999 in UTC. Every
 * supported database stores and compares them, and every reader (Atom's dates, cursors) can
 * write them back.
 */
public final class TimeRange {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private TimeRange() {
    }

    public static boolean contains(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }
}
