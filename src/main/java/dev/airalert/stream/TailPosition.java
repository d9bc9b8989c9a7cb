package dev.airalert.stream;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * How far the stream has handed the event log on: the newest event, and the recent ones (a
 * transaction that commits late can put an event below the newest, so the log is read again
 * a little way back). Kept by the hub, not by its tail thread: a thread that died is followed
 * by one that goes on from here, and events committed in between are handed on, not skipped.
 * Used by one tail thread at a time.
 */
final class TailPosition {

    /** How far behind the newest event seen the log is read again for late commits. */
    static final int LOOK_BACK = 100;

    private long newest = -1;
    private final Set<Long> seen = new HashSet<>();
    private final ArrayDeque<Long> order = new ArrayDeque<>();

    /** Whether the tail has a position yet: the first one starts at the end of the log. */
    boolean started() {
        return newest >= 0;
    }

    void startAt(long seq) {
        newest = seq;
    }

    /** Where to read the log from: a little way behind the newest event. */
    long lookBackFrom() {
        return Math.max(0, newest - LOOK_BACK);
    }

    boolean passed(long seq) {
        return seen.contains(seq);
    }

    /** Every stream has the event now. */
    void pass(long seq) {
        seen.add(seq);
        order.add(seq);
        newest = Math.max(newest, seq);
        while (order.size() > 10 * LOOK_BACK) {
            seen.remove(order.poll());
        }
    }
}
