package dev.airalert.region;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** How one {@code <area>} was resolved: which rule matched and the region codes it gave. */
public record AreaResolution(int info, int area, String areaDesc, Rule rule, List<String> regions) {

    /** The rules, tried in this order; written as {@code geocode}, {@code shape}, {@code name}, {@code none}. */
    public enum Rule {
        /** A geocode named the region (ISO 3166-2, KATOTTG). */
        GEOCODE,
        /** A polygon or circle covers part or all of it. */
        SHAPE,
        /** The areaDesc names it. */
        NAME,
        /** Nothing matched: the area is stored as published and reported to the publisher. */
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
