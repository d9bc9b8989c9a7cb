package dev.airalert.sender;

import java.time.Instant;
import java.util.UUID;

/** A delegation: messages of {@code sender} may update or cancel alerts of {@code actsFor}. */
public record DelegationView(UUID id, String sender, String actsFor, Instant createdAt, String createdBy) {
}
