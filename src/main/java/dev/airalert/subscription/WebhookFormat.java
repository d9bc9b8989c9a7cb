package dev.airalert.subscription;

import java.util.Arrays;
import java.util.Locale;

/**
 * The form a subscription's deliveries take: our own body signed as Standard Webhooks, or
 * ukrainealarm's v3 webhook body, one request per region that changed, signed with RSA.
 */
public enum WebhookFormat {
    STANDARD, UKRAINEALARM;

    /** As stored: {@code standard}, {@code ukrainealarm}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WebhookFormat of(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst().orElse(STANDARD);
    }
}
