package dev.airalert.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    private static final Map<String, AlertState> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(AlertState::code, s -> s));

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

    /** The state a reader sees at {@code now} of an alert stored in {@code code}: an active alert past its expiry is expired. */
    static AlertState at(String code, Instant expiresAt, Instant now) {
        AlertState stored = fromCode(code).orElseThrow();
        if (stored == ACTIVE && expiresAt != null && !expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        return stored;
    }

    public static Optional<AlertState> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
