package dev.airalert.event;

/**
 * Fired inside the publish transaction once an event is in the durable event log, so that
 * every channel writes its outbox row in the same transaction, and (observed after success)
 * once that transaction committed, so that the channels of this instance look at once.
 * {@code chainKey}: the event's chain, delivered in order. {@code isPublic}: anyone may read
 * it; a restricted event stays off channels that anyone can read.
 */
public record EventRecorded(long seq, String chainKey, boolean isPublic) {
}
