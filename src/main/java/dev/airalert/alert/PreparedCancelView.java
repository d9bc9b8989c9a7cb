package dev.airalert.alert;

import java.time.Instant;
import java.util.UUID;

/** A Cancel prepared for an alert: which message it is, in what form, stored when and by which key. */
public record PreparedCancelView(UUID alertId, String sender, String identifier, String sent, String contentType,
        Instant storedAt, String storedBy) {
}
