package dev.airalert.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A push subscription as its browser sees it: the token that alone moves or deletes it (given
 * once, at creation), its place and filters, and when it expires unless refreshed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushSubscriptionView(UUID id, String unsubscribeToken, String place, List<String> regions,
        List<String> languages, List<String> types, boolean wholeOblast, Instant expiresAt) {
}
