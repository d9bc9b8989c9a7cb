package dev.airalert.status;

import java.util.Optional;
import java.util.Set;

/**
 * Which regions a status request shows: those at {@code levels}, and when {@code within} is
 * given (a region's own code), only those inside that region.
 */
record StatusSelection(Set<StatusLevel> levels, Optional<String> within) {

    /** What {@code /status} shows by default: the oblast level, which the map draws. */
    static final StatusSelection MAP = new StatusSelection(Set.of(StatusLevel.OBLAST), Optional.empty());

    StatusSelection {
        levels = Set.copyOf(levels);
    }
}
