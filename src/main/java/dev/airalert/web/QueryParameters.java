package dev.airalert.web;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Unknown query parameters are errors, never silently ignored: a typo like
 * {@code severty=Extreme} would otherwise quietly return everything. The readers here record
 * what is wrong in a list instead of stopping at the first, so a caller hears of every bad
 * value at once.
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

    /** A parameter given at most once, trimmed; null when absent or empty (an error says which). */
    public static String single(MultivaluedMap<String, String> params, String name, List<FieldError> errors) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "must be given once"));
        }
        String value = values.get(0).trim();
        if (value.isEmpty()) {
            errors.add(new FieldError(name, "must not be empty"));
            return null;
        }
        return value;
    }

    /** {@code true} or {@code false} given at most once; null when absent or not one of them (an error says which). */
    public static Boolean bool(MultivaluedMap<String, String> params, String name, List<FieldError> errors) {
        String value = single(params, name, errors);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new FieldError(name, "must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    /** Throws a 400 problem naming every invalid parameter, when there is one. */
    public static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-parameter",
                    "The query has " + errors.size() + " invalid parameter(s).", errors);
        }
    }

    /** A parameter that may be repeated, each value whole (free text may hold commas), trimmed. */
    public static List<String> repeated(MultivaluedMap<String, String> params, String name, List<FieldError> errors) {
        return nonEmpty(params.getOrDefault(name, List.of()).stream().map(String::trim).toList(), name, errors);
    }

    /** A list parameter: comma-separated and/or repeated values, trimmed. */
    public static List<String> list(MultivaluedMap<String, String> params, String name, List<FieldError> errors) {
        return nonEmpty(params.getOrDefault(name, List.of()).stream().flatMap(x -> Arrays.stream(x.split(",")))
                .map(String::trim).toList(), name, errors);
    }

    private static List<String> nonEmpty(List<String> values, String name, List<FieldError> errors) {
        if (values.stream().anyMatch(String::isEmpty)) {
            errors.add(new FieldError(name, "must not contain empty values"));
        }
        return values.stream().filter(x -> !x.isEmpty()).toList();
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
