package dev.airalert.subscription;

import java.util.Arrays;
import java.util.Locale;

/**
 * The form a subscription's deliveries take: our own body signed as Standard Webhooks,
 * ukrainealarm's v3 webhook body (one request per region that changed, signed with RSA), or a
 * Web Push message to a browser (encrypted for it, with a VAPID token).
 */
public enum WebhookFormat {
    STANDARD, UKRAINEALARM, WEBPUSH;

    /** As stored: {@code standard}, {@code ukrainealarm}, {@code webpush}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WebhookFormat of(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst().orElse(STANDARD);
    }
}
