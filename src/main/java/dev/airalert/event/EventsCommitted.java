package dev.airalert.event;

/**
 * Some instance (this one or another) committed events to the event log: fired outside any
 * transaction, so that whoever follows the log looks now rather than at its next poll.
 */
public record EventsCommitted() {
}
