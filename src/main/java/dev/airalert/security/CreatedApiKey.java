package dev.airalert.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A new API key, the only time its secret is shown. */
public record CreatedApiKey(UUID id, String name, Set<String> roles, String prefix,
        Instant createdAt, String secret) {
}
