package dev.airalert.delivery;

import java.time.Instant;

/** What one attempt gave: a status code (null when no response came) or an error. */
record Outcome(Outgoing delivery, Instant at, Integer statusCode, String retryAfter,
        long latencyMillis, String responseExcerpt, String error) {

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
