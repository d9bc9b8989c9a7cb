package dev.airalert.subscription;

import java.util.Set;
import java.util.UUID;

/** Fired in the transaction that revoked their key: these subscriptions receive nothing more. */
public record SubscriptionsRevoked(Set<UUID> ids) {
}
