package dev.airalert.delivery;

import dev.airalert.outbox.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What an attempt's outcome means, the rules docs/webhooks.md states, in one place and free of the
 * database: 2xx delivers; 410 pauses the delivery and disables the subscription; anything
 * else (another status, a 3xx as redirects are not followed, a timeout, no connection) is
 * tried again on the retry schedule, or at the receiver's {@code Retry-After} for 429 and 503
 * (capped), until the schedule is used up; a subscription failing continuously for longer than
 * the configured time is disabled.
 *
 * <p>A push message (Web Push) differs: 404 or 410 means the browser unsubscribed, and the
 * subscription is deleted; a retry later than the message's time to live is not made (expired).
 * A delivery that was stale and not sent is finished as what ended it, the subscription's health
 * untouched.
 */
final class OutcomeDecision {

    static final String GONE = "the endpoint answered 410 Gone";

    /** What the outcome says about the subscription. */
    enum Health {
        /** It answered 2xx: no longer failing. */
        HEALTHY,
        /** It failed: failing since now unless it already was; disabled once it has failed too long. */
        FAILING,
        /** It answered 410: disabled at once (a push subscription answering 404 or 410: deleted). */
        GONE,
        /** Nothing was sent: nothing is known of it. */
        UNKNOWN
    }

    /** The delivery's new status and next attempt (null when there is none), and the subscription's health. */
    record Decision(DeliveryStatus status, Instant nextAttempt, Health health) {

        /** When the delivery is finished: at the outcome, unless it is to be tried again. */
        Instant finishedAt(Instant outcomeAt) {
            return nextAttempt == null ? outcomeAt : null;
        }
    }

    private OutcomeDecision() {
    }

    /**
     * The decision on attempt number {@code attempt} (1 for the first) of the outcome's delivery:
     * what it answered ({@code statusCode}, null: no answer), or that it was not sent.
     */
    static Decision decide(Outcome outcome, int attempt, Backoff backoff, Instant now) {
        Integer statusCode = outcome.statusCode();
        boolean push = outcome.delivery().format() == dev.airalert.subscription.WebhookFormat.WEBPUSH;
        if (outcome.notSent() != null) {
            return new Decision(outcome.notSent(), null, Health.UNKNOWN);
        }
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            return new Decision(DeliveryStatus.DELIVERED, null, Health.HEALTHY);
        }
        if (push && statusCode != null && (statusCode == 404 || statusCode == 410)) {
            return new Decision(DeliveryStatus.FAILED, null, Health.GONE);
        }
        if (statusCode != null && statusCode == 410) {
            // Paused, not failed: it goes out when the owner enables the subscription.
            return new Decision(DeliveryStatus.PENDING, now, Health.GONE);
        }
        // A push held back because its push service asked all of us to wait carries that wait.
        boolean askedToWait = statusCode != null && (statusCode == 429 || statusCode == 503)
                || push && statusCode == null && outcome.retryAfter() != null;
        Optional<Duration> asked = askedToWait ? Backoff.retryAfter(outcome.retryAfter(), now) : Optional.empty();
        Optional<Instant> next = backoff.next(attempt, asked, now);
        Instant sendBy = push ? outcome.delivery().sendBy() : null;
        if (next.isPresent() && sendBy != null && next.get().isAfter(sendBy)) {
            return new Decision(DeliveryStatus.EXPIRED, null, Health.FAILING);
        }
        return new Decision(next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED, next.orElse(null),
                Health.FAILING);
    }

    /** A subscription failing since before this is disabled by a further failure. */
    static Instant failingTooLongIfSince(Instant now, Duration disableAfter) {
        return now.minus(disableAfter);
    }

    /** Why a subscription failing too long was disabled. */
    static String failingTooLong(Duration disableAfter) {
        return "failing continuously for longer than " + disableAfter.toString().substring(2).toLowerCase();
    }
}
