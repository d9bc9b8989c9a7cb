package dev.airalert.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.airalert.alert.AlertView;
import dev.airalert.region.RegionSummary;
import java.util.List;
import java.util.Map;

/**
 * One region in full: its summary, its state now and why ({@link RegionState}'s fields beside
 * the summary's), the codes of the regions directly inside it (by code; their own pages list
 * theirs), its boundary as a GeoJSON geometry, and the alerts active there now (its own, its
 * parents', its children's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegionDetail(@JsonUnwrapped RegionSummary region, @JsonUnwrapped RegionState status,
        List<String> children, Map<String, Object> boundary, List<AlertView> activeAlerts) {
}
