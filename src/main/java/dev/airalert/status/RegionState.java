package dev.airalert.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A region's state now, the events behind it (sorted, so equal states serialize alike), and
 * why: {@code cause} says which alerts make it active or partial, {@code from} the regions they
 * come through. For {@link Cause#ANCESTOR}, the regions it lies in whose own alerts cover them
 * whole, nearest first; for {@link Cause#INSIDE}, its children that are active or partial, so
 * following {@code from} down leads to the alerts one level at a time (empty when an alert
 * names part of the region without saying which part: a village's code, a shape). A region
 * with no alert has neither.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RegionState(State state, Set<String> events, Cause cause, List<String> from) {

    /** No alert concerns the region. */
    public static final RegionState NONE = new RegionState(State.NONE, new TreeSet<>(), null, List.of());

    public RegionState {
        events = Collections.unmodifiableSortedSet(new TreeSet<>(events));
        from = List.copyOf(from);
    }

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

    /** Why a region is active or partial; when several reasons hold, the first of these. */
    public enum Cause {
        /** An alert of its own covers it whole. */
        ALERT,
        /** An alert of a region it lies in covers it whole (an oblast's alert for each of its hromadas). */
        ANCESTOR,
        /** An alert covers part of it, or a region inside it (a hromada's alert for its raion and oblast). */
        INSIDE;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
