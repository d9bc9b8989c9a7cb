package dev.airalert.delivery;

/**
 * Fired inside the publish transaction once an event is in the durable event log, so that
 * other outboxes (the message brokers') are written in the same transaction. {@code isPublic}:
 * anyone may read it; a restricted event stays off channels that anyone can read.
 */
public record EventRecorded(long seq, boolean isPublic) {
}
