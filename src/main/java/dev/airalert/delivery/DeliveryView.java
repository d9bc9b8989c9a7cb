package dev.airalert.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One delivery of one event to one subscription, with every attempt made so far. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(UUID id, String eventId, String type, DeliveryStatus status, int attempts,
        Instant createdAt, Instant nextAttemptAt, Instant finishedAt, List<Attempt> attemptLog) {

    /** One request: when, what came back (status, first bytes) or what went wrong, and what next. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int attempt, Instant at, Integer statusCode, int latencyMs, String response,
            String error, Instant nextRetryAt) {
    }
}
