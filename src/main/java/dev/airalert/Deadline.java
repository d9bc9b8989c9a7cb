package dev.airalert;

import java.time.Duration;

/**
 * How long a request may still work. Limits bound what one request can ask for; the deadline
 * is the second line: loops over what it asked for check it, and a request past it is given
 * up (nothing stored) rather than holding a worker, a connection or locks any longer.
 */
public final class Deadline {

    /** No deadline: for work that is not a request, such as reading what is already stored. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO);

    private final long endsAtNanos;
    private final Duration allowed;

    private Deadline(long endsAtNanos, Duration allowed) {
        this.endsAtNanos = endsAtNanos;
        this.allowed = allowed;
    }

    public static Deadline in(Duration allowed) {
        return new Deadline(System.nanoTime() + allowed.toNanos(), allowed);
    }

    /** Throws {@link Exceeded} once the deadline has passed. */
    public void check() {
        if (this != NONE && System.nanoTime() - endsAtNanos > 0) {
            throw new Exceeded(allowed);
        }
    }

    /** A request ran past its deadline; nothing it would have done was done. */
    public static final class Exceeded extends RuntimeException {

        private final Duration allowed;

        Exceeded(Duration allowed) {
            super("The request took longer than " + allowed.toMillis() + " ms and was given up", null, false, false);
            this.allowed = allowed;
        }

        public Duration allowed() {
            return allowed;
        }
    }
}
