package dev.airalert.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * How one {@code <area>} was resolved: which rule matched and the region codes it gave.
 * {@code reading} says how a name was read when the rule is {@code name} ({@code name},
 * {@code alias}, {@code code}, or {@code city}: "Odesa" read as the city's hromada, not its
 * oblast); {@code candidates} lists the places an ambiguous name could mean, none of which was
 * taken. Both are absent in resolutions stored before they existed.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AreaResolution(int info, int area, String areaDesc, Rule rule, List<String> regions,
        String reading, List<RegionCandidate> candidates) {

    public AreaResolution(int info, int area, String areaDesc, Rule rule, List<String> regions) {
        this(info, area, areaDesc, rule, regions, null, null);
    }

    /** The rules, tried in this order; written as {@code geocode}, {@code shape}, {@code name}, {@code none}. */
    public enum Rule {
        /** A geocode named the region (ISO 3166-2, KATOTTG, a location id of alerts.in.ua or ukrainealarm). */
        GEOCODE,
        /** A polygon or circle covers part or all of it. */
        SHAPE,
        /** The areaDesc names it. */
        NAME,
        /** Nothing matched, or a name matched several places: stored as published, reported to the publisher. */
        NONE;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static Rule of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
