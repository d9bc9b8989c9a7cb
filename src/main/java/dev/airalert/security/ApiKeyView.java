package dev.airalert.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key as listed: never its secret, only the first characters of it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(UUID id, String name, String holder, Set<String> roles, Set<String> senders,
        Set<String> regions, Set<String> addresses, Integer publishesPerMinute, String prefix,
        Instant createdAt, Instant revokedAt) {
}
