package dev.airalert.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A browser subscribing to alerts for a place: its {@code PushSubscription} as the browser's
 * {@code toJSON()} gives it, the places (codes or names; with {@code wholeOblast}, also every
 * alert anywhere in each place's oblast), the language of the texts and the threat kinds
 * (none: all). To move a subscription only {@code subscription} is read.
 */
public record PushSubscriptionRequest(
        @Valid BrowserSubscription subscription,
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> regions,
        @Size(max = 5) List<@NotBlank @Size(max = 64) String> languages,
        @Size(max = 11) List<@NotBlank @Size(max = 30) String> types,
        Boolean wholeOblast) {

    /** The browser's {@code PushSubscription.toJSON()}. */
    public record BrowserSubscription(@Size(max = 2048) String endpoint, Double expirationTime, @Valid Keys keys) {
    }

    /** The browser's public key (P-256, base64url) and authentication secret (16 bytes, base64url). */
    public record Keys(@Size(max = 200) String p256dh, @Size(max = 100) String auth) {
    }
}
