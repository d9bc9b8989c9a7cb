package dev.airalert.delivery;

import dev.airalert.subscription.WebhookFormat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery this instance may send, with everything needed to send and record it. Either
 * claimed from the queue (its row exists, leased until {@code leasedUntil}) or handed
 * straight from the fan-out ({@code handoff} set: no row until the recorder writes one).
 */
record Outgoing(UUID deliveryId, UUID subscriptionId, String url, List<String> secrets,
        List<String> languages, int attemptsMade, long eventSeq, String eventId, String chainKey, String type,
        Instant eventCreatedAt, Instant leasedUntil, Handoff handoff, WebhookFormat format) {
}
