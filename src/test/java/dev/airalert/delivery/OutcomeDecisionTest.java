package dev.airalert.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.delivery.OutcomeDecision.Decision;
import dev.airalert.delivery.OutcomeDecision.Health;
import dev.airalert.outbox.Backoff;
import dev.airalert.subscription.WebhookFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The delivery rules of docs/webhooks.md, one row each: what an attempt's outcome does to the delivery and its subscription. */
class OutcomeDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    /** The default schedule after the immediate first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));
    /** Jitter drawn at the middle of its range: the step itself. */
    private static final Backoff BACKOFF = new Backoff(SCHEDULE, Duration.ofHours(1), 0.2, () -> 0.5);

    @ParameterizedTest(name = "attempt {2} answered {0} (Retry-After {1}): {3}, next in {4}, {5}")
    @CsvSource(nullValues = "-", textBlock = """
            # status, Retry-After, attempt, delivery status, next attempt after (s), health
            200, -, 1, DELIVERED, -, HEALTHY
            204, -, 3, DELIVERED, -, HEALTHY
            299, 60, 1, DELIVERED, -, HEALTHY
            # 410 pauses the delivery (it goes out when the owner enables the subscription again) and disables the subscription
            410, -, 1, PENDING, 0, GONE
            410, -, 7, PENDING, 0, GONE
            # other answers are failures, tried again on the schedule
            500, -, 1, PENDING, 5, FAILING
            500, -, 2, PENDING, 300, FAILING
            404, -, 3, PENDING, 1800, FAILING
            400, -, 6, PENDING, 36000, FAILING
            # redirects are not followed: the receiver did not take the event
            301, -, 1, PENDING, 5, FAILING
            302, -, 1, PENDING, 5, FAILING
            307, -, 2, PENDING, 300, FAILING
            # no answer: a timeout, a refused connection, a refused target
            -, -, 1, PENDING, 5, FAILING
            -, 120, 1, PENDING, 5, FAILING
            # 429 and 503 are tried again when the receiver asks, in seconds or as a date, capped at an hour
            429, 120, 1, PENDING, 120, FAILING
            503, 0, 4, PENDING, 0, FAILING
            503, 'Tue, 01 Dec 2026 12:10:00 GMT', 1, PENDING, 600, FAILING
            429, 86400, 1, PENDING, 3600, FAILING
            # a Retry-After that cannot be read, or on another status, leaves the schedule in charge
            429, soon, 2, PENDING, 300, FAILING
            500, 120, 1, PENDING, 5, FAILING
            # the schedule used up: failed for good, even if the receiver asked for more time
            500, -, 7, PENDING, 36000, FAILING
            500, -, 8, FAILED, -, FAILING
            429, 60, 8, FAILED, -, FAILING
            -, -, 8, FAILED, -, FAILING
            """)
    void decides(Integer status, String retryAfter, int attempt, DeliveryStatus expected, Long nextAfterSeconds,
            Health health) {
        Decision decision = OutcomeDecision.decide(outcome(WebhookFormat.STANDARD, status, retryAfter, null), attempt,
                BACKOFF, NOW);
        assertEquals(expected, decision.status());
        assertEquals(nextAfterSeconds == null ? null : NOW.plusSeconds(nextAfterSeconds), decision.nextAttempt());
        assertEquals(health, decision.health());
        assertEquals(nextAfterSeconds == null ? NOW : null, decision.finishedAt(NOW));
    }

    @ParameterizedTest(name = "jitter draw {0}: a 5 s step waits {1} ms")
    @CsvSource({"0.0, 4000", "0.5, 5000", "0.999, 5998"})
    void retriesSpreadWithinTwentyPercent(double draw, long millis) {
        Backoff backoff = new Backoff(SCHEDULE, Duration.ofHours(1), 0.2, () -> draw);
        assertEquals(NOW.plusMillis(millis), OutcomeDecision.decide(outcome(WebhookFormat.STANDARD, 500, null, null), 1, backoff,
                NOW).nextAttempt());
    }

    /** A push message whose alert expires in a minute: what its push service's answers do. */
    @ParameterizedTest(name = "push attempt {2} answered {0}: {3}, next in {4}, {5}")
    @CsvSource(nullValues = "-", textBlock = """
            # status, Retry-After, attempt, delivery status, next attempt after (s), health
            201, -, 1, DELIVERED, -, HEALTHY
            # the browser unsubscribed: the subscription is deleted
            404, -, 1, FAILED, -, GONE
            410, -, 2, FAILED, -, GONE
            # tried again within the alert's life only
            500, -, 1, PENDING, 5, FAILING
            500, -, 2, EXPIRED, -, FAILING
            429, 30, 2, PENDING, 30, FAILING
            429, 120, 1, EXPIRED, -, FAILING
            # held back without a request: its push service asked every message to wait
            -, 20, 1, PENDING, 20, FAILING
            """)
    void pushRetriesEndWithTheAlert(Integer status, String retryAfter, int attempt, DeliveryStatus expected,
            Long nextAfterSeconds, Health health) {
        Decision decision = OutcomeDecision.decide(outcome(WebhookFormat.WEBPUSH, status, retryAfter, null), attempt,
                BACKOFF, NOW);
        assertEquals(expected, decision.status());
        assertEquals(nextAfterSeconds == null ? null : NOW.plusSeconds(nextAfterSeconds), decision.nextAttempt());
        assertEquals(health, decision.health());
    }

    @ParameterizedTest(name = "{0} delivery not sent: {1}")
    @CsvSource({"STANDARD, SUPERSEDED", "STANDARD, EXPIRED", "WEBPUSH, SUPERSEDED", "WEBPUSH, EXPIRED"})
    void aStaleDeliveryIsFinishedAsWhatEndedIt(WebhookFormat format, DeliveryStatus why) {
        Decision decision = OutcomeDecision.decide(outcome(format, null, null, why), 1, BACKOFF, NOW);
        assertEquals(why, decision.status());
        assertEquals(null, decision.nextAttempt());
        assertEquals(Health.UNKNOWN, decision.health());
    }

    private static Outcome outcome(WebhookFormat format, Integer status, String retryAfter, DeliveryStatus notSent) {
        Outgoing delivery = new Outgoing(UUID.randomUUID(), UUID.randomUUID(), "https://push.example/x", List.of(),
                List.of(), 0, 1, "evt_1", "chain", "alert.published", NOW, NOW.plusSeconds(60), null, format, null,
                NOW.plusSeconds(60), false, null);
        return notSent != null ? Outcome.notSent(delivery, NOW, notSent)
                : new Outcome(delivery, NOW, status, retryAfter, 1, null, null);
    }

    @ParameterizedTest(name = "disable after {0}")
    @CsvSource({"PT72H, 2026-11-28T12:00:00Z, failing continuously for longer than 72h",
            "PT30M, 2026-12-01T11:30:00Z, failing continuously for longer than 30m"})
    void aSubscriptionFailingLongerThanDisableAfterIsDisabled(Duration disableAfter, Instant failingSince,
            String reason) {
        assertEquals(failingSince, OutcomeDecision.failingTooLongIfSince(NOW, disableAfter));
        assertEquals(reason, OutcomeDecision.failingTooLong(disableAfter));
    }
}
