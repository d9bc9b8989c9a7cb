package dev.airalert.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the outcome thread took for one recording: outcomes, and handed deliveries that get
 * their row early. Kept by the dispatcher until it is written and accounted for, so that an
 * outcome thread that dies half way is followed by one that finishes the same batch: nothing
 * taken is lost, and nothing written is written twice.
 */
final class OutcomeBatch {

    final Instant at;
    /** Sized up front: taking an outcome into it never allocates, so no Error falls between taking and keeping. */
    final List<Outcome> outcomes;
    final List<Outgoing> unfinished = new ArrayList<>();
    /** Writing it was tried: it may have committed although the try never returned. */
    boolean tried;
    boolean written;
    /** The rows it wrote of handed deliveries, once worked out. */
    List<Handoff> rowsWritten;

    OutcomeBatch(Instant at, int capacity) {
        this.at = at;
        this.outcomes = new ArrayList<>(capacity);
    }

    boolean isEmpty() {
        return outcomes.isEmpty() && unfinished.isEmpty();
    }
}
