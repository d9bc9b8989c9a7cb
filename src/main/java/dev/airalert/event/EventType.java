package dev.airalert.event;

import java.util.Optional;

/** What happened, as receivers read it in an event's {@code type}. */
public enum EventType {
    /** A new alert (CAP msgType Alert). */
    PUBLISHED("alert.published"),
    /** An alert that supersedes others (Update). */
    UPDATED("alert.updated"),
    /** The all-clear for others (Cancel). */
    CANCELLED("alert.cancelled"),
    /** A test event for one webhook subscription. */
    PING("webhook.ping");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** As stored and sent: {@code alert.published}. */
    public String wire() {
        return wire;
    }

    /** The event a stored CAP message is; none for Ack and Error, which are not notices for people. */
    public static Optional<EventType> ofMessage(String msgType) {
        return switch (msgType) {
            case "Alert" -> Optional.of(PUBLISHED);
            case "Update" -> Optional.of(UPDATED);
            case "Cancel" -> Optional.of(CANCELLED);
            default -> Optional.empty();
        };
    }
}
