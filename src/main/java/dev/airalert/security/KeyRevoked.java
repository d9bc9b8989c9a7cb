package dev.airalert.security;

import java.time.Instant;

/**
 * Fired in the transaction that revokes a key, so that what the key owns (subscriptions,
 * open streams) stops with it, in the same commit.
 */
public record KeyRevoked(String keyId, Instant at) {
}
