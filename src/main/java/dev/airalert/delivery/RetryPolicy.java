package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: the configured schedule with +-20% jitter (so that receivers coming
 * back are not hit by every retry at the same instant), or the receiver's own Retry-After
 * on 429 and 503, capped. Empty when the schedule is used up.
 */
@ApplicationScoped
class RetryPolicy {

    private final List<Duration> schedule;
    private final Duration maxRetryAfter;

    RetryPolicy(AirAlertConfig config) {
        this.schedule = config.webhooks().retrySchedule();
        this.maxRetryAfter = config.webhooks().maxRetryAfter();
    }

    /** The next attempt after {@code attemptsMade} failed ones, or empty when they are used up. */
    Optional<Instant> next(int attemptsMade, Integer statusCode, String retryAfter, Instant now) {
        if (attemptsMade > schedule.size()) {
            return Optional.empty();
        }
        Optional<Duration> asked = statusCode != null && (statusCode == 429 || statusCode == 503)
                ? parseRetryAfter(retryAfter, now) : Optional.empty();
        if (asked.isPresent()) {
            return Optional.of(now.plus(asked.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked.get()));
        }
        Duration base = schedule.get(attemptsMade - 1);
        long jittered = (long) (base.toMillis() * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        return Optional.of(now.plusMillis(jittered));
    }

    static Optional<Duration> parseRetryAfter(String value, Instant now) {
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
