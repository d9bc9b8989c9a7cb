package dev.airalert.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Set;

/**
 * A region's state now: {@code none}, {@code active} (an alert covers all of it, or a
 * region it lies in), or {@code partial} (an alert covers part of it, or a region inside
 * it); and the events behind that.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RegionState(String state, Set<String> events) {

    static final String NONE = "none";
    static final String ACTIVE = "active";
    static final String PARTIAL = "partial";
}
