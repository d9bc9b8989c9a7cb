package dev.airalert.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API key as listed: never its secret, only the first characters of it. */
public record ApiKeyView(UUID id, String name, Set<String> roles, String prefix,
        Instant createdAt, Instant revokedAt) {
}
