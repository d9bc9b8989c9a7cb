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
    FAILED,
    /** Not sent (any more): the alert expired, or a push message's time to live ran out, first. */
    EXPIRED,
    /** Not sent (any more): the alert was cancelled or updated first; the event that ended it is delivered. */
    SUPERSEDED;

    /** The stored and shown form: {@code pending}, {@code delivered}, {@code failed}, {@code expired}, {@code superseded}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
