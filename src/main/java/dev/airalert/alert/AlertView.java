package dev.airalert.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.airalert.alert.cap.CapAlert;
import dev.airalert.region.AreaResolution;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the API shows it: the CAP fields at top level, plus what airalert knows
 * about it (id, lifecycle state, resolved regions, the areas no region matched, the alert
 * that replaced it, and per area which rule resolved it).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "state", "regions", "unresolvedAreas", "replacedBy", "receivedAt",
        "resolution"})
public record AlertView(UUID id, AlertState state,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> regions,
        List<String> unresolvedAreas, UUID replacedBy, Instant receivedAt,
        List<AreaResolution> resolution, @JsonUnwrapped CapAlert alert) {
}
