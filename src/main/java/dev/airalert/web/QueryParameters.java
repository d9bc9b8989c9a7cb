package dev.airalert.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Unknown query parameters are errors, never silently ignored: a typo like
 * {@code severty=Extreme} would otherwise quietly return everything.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** One error per parameter that is not in {@code known}, sorted by name. */
    public static List<FieldError> unknown(MultivaluedMap<String, String> params, Set<String> known) {
        String list = String.join(", ", known.stream().sorted().toList());
        return params.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .map(k -> new FieldError(k, "is not a known parameter; known: " + list))
                .toList();
    }

    /**
     * A date-time parameter with offset (CAP's form is one), or null when absent; an error
     * naming it when it is not one or lies outside years 1 to 9999.
     */
    public static Instant time(String value, String name, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(value).toInstant();
            if (!TimeRange.contains(at)) {
                errors.add(new FieldError(name, "must lie between the years 1 and 9999"));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date-time with offset, such as 2026-11-25T08:00:00+02:00"));
            return null;
        }
    }

    /** Throws a 400 problem naming every unknown parameter. */
    public static void requireKnown(MultivaluedMap<String, String> params, Set<String> known) {
        List<FieldError> unknown = unknown(params, known);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-parameter",
                    "The query has " + unknown.size() + " unknown parameter(s).", unknown);
        }
    }
}
