package dev.airalert.status;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.airalert.region.RegionSummary;

/** A region a name or a point resolves to, with its state now and why ({@link RegionState}'s fields beside the summary's). */
public record RegionMatch(@JsonUnwrapped RegionSummary region, @JsonUnwrapped RegionState status) {
}
