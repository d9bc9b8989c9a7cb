package dev.airalert.delivery;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a delivery stands, as stored and shown. */
public enum DeliveryStatus {
    /** To be sent: now, at its next attempt, or when its paused subscription is enabled again. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Every attempt of the retry schedule failed, or the subscription's key was revoked. */
    FAILED;

    /** The stored and shown form: {@code pending}, {@code delivered}, {@code failed}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
