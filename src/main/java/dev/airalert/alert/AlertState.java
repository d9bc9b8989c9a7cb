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
    NOT_ACTUAL("not-actual");

    private final String code;

    AlertState(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<AlertState> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
