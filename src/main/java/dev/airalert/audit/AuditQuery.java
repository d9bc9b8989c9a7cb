package dev.airalert.audit;

import dev.airalert.web.KeysetCursor;
import java.time.Instant;
import java.util.UUID;

/** Filters of an audit trail page; null means any. */
record AuditQuery(String action, String outcome, String keyId, String sender, UUID alertId, Instant since,
        Instant until, int limit, KeysetCursor after) {
}
