package dev.airalert.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Where an alert is in its life. {@link #EXPIRED} is derived from time, never stored. */
public enum AlertState {
    ACTIVE("active"),
    EXPIRED("expired"),
    UPDATED("updated"),
    CANCELLED("cancelled"),
    NOT_ACTUAL("not-actual"),
    /** An Ack or Error message: kept for the record, never an alert in force. */
    RECORDED("recorded"),
    /** Held for a second person's approval: seen by admins, approvers and its publisher only. */
    PENDING_APPROVAL("pending-approval"),
    /** Held for approval and discarded (or ended by an Update or Cancel before approval). */
    DISCARDED("discarded"),
    /** Moved aside by a verified copy of the same (sender, identifier); {@code replacedBy} names it. */
    DISPLACED("displaced");

    private final String code;

    AlertState(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Whether only admins, approvers and the publisher may see an alert in this state. */
    public boolean isHeld() {
        return this == PENDING_APPROVAL || this == DISCARDED;
    }

    public static Optional<AlertState> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
