package dev.airalert.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.airalert.alert.cap.CapAlert;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the API shows it: the CAP fields at top level, plus what airalert knows
 * about it (id, lifecycle state, resolved regions, the alert that replaced it).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "state", "regions", "replacedBy", "receivedAt"})
public record AlertView(UUID id, AlertState state, List<String> regions, UUID replacedBy,
        Instant receivedAt, @JsonUnwrapped CapAlert alert) {
}
