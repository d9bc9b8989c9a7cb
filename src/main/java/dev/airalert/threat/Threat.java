package dev.airalert.threat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The threat an alert warns of: its type, its level where one is given or follows from the
 * type, and the publisher's reason text ("Дронова загроза"), if any. As the API shows it:
 * {@code {"type": "drones", "level": "yellow", "reason": "..."}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "level", "reason"})
public record Threat(String type, String level, String reason) {

    public Threat {
        Objects.requireNonNull(type, "type");
    }

    public Threat(ThreatType type, ThreatLevel level, String reason) {
        this(type.wire(), level == null ? null : level.wire(), reason);
    }
}
