package dev.airalert.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.SignatureVerdict;
import dev.airalert.region.AreaResolution;
import dev.airalert.threat.Threat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the API shows it: the CAP fields at top level, plus what airalert knows
 * about it (id, lifecycle state, the threat it warns of, resolved regions, the areas no region matched, the alert
 * that replaced it, per area which rule resolved it, the signature verdict, and the
 * approval steps when a second person had to approve it, the CAP version it was written in). {@code publishedBy}
 * and who decided on an approval are shown to admins only.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "state", "threat", "regions", "unresolvedAreas", "replacedBy", "receivedAt",
        "resolution", "signature", "approval", "publishedBy", "capVersion"})
public record AlertView(UUID id, AlertState state, Threat threat,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> regions,
        List<String> unresolvedAreas, UUID replacedBy, Instant receivedAt,
        List<AreaResolution> resolution, SignatureVerdict signature, Approval approval,
        Publisher publishedBy, String capVersion, @JsonUnwrapped CapAlert alert) {

    /** The steps of a four-eyes approval: requested (on receipt), then approved or discarded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Approval(UUID rule, Instant requestedAt, String decision, Instant decidedAt, String decidedBy,
            String decidedByHolder) {
    }

    /** The key that published the alert, and who held it then. */
    public record Publisher(String keyId, String holder) {
    }
}
