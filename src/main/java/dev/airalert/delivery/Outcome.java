package dev.airalert.delivery;

import java.time.Instant;

/**
 * What one attempt gave: a status code (null when no response came) or an error; or, when the
 * delivery was stale and not sent, what ended it ({@code notSent}: expired or superseded).
 */
record Outcome(Outgoing delivery, Instant at, Integer statusCode, String retryAfter,
        long latencyMillis, String responseExcerpt, String error, DeliveryStatus notSent) {

    Outcome(Outgoing delivery, Instant at, Integer statusCode, String retryAfter, long latencyMillis,
            String responseExcerpt, String error) {
        this(delivery, at, statusCode, retryAfter, latencyMillis, responseExcerpt, error, null);
    }

    /** Recorded without a request: the alert expired or was ended before the delivery could go. */
    static Outcome notSent(Outgoing delivery, Instant at, DeliveryStatus why) {
        String error = why == DeliveryStatus.SUPERSEDED
                ? "superseded: not sent, the alert was cancelled or updated first; the event that ended it is delivered"
                : "expired: not sent, the alert (or the push message's time to live) ran out first";
        return new Outcome(delivery, at, null, null, 0, null, error, why);
    }

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
