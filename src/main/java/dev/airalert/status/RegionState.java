package dev.airalert.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** A region's state now, and the events behind it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RegionState(State state, Set<String> events) {

    /** How much of a region active alerts cover. */
    public enum State {
        NONE,
        /** An alert covers all of it, or a region it lies in. */
        ACTIVE,
        /** An alert covers part of it, or a region inside it. */
        PARTIAL;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
