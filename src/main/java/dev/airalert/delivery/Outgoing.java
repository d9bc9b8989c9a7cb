package dev.airalert.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A claimed delivery with everything needed to send it. */
record Outgoing(UUID deliveryId, UUID subscriptionId, String url, List<String> secrets,
        List<String> languages, int attemptsMade, long eventSeq, String eventId, String type,
        Instant eventCreatedAt) {
}
