package dev.airalert.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An audit entry as admins read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditView(UUID id, Instant at, String action, String outcome, String keyId, String holder,
        String sender, UUID alertId, String clientAddress, String detail) {

    /** A page of entries, newest first, with the cursor of the next page (null at the end). */
    public record Page(List<AuditView> items, String next) {
    }
}
