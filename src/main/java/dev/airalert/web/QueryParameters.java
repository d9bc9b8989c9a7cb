package dev.airalert.web;

import jakarta.ws.rs.core.MultivaluedMap;
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

    /** Throws a 400 problem naming every unknown parameter. */
    public static void requireKnown(MultivaluedMap<String, String> params, Set<String> known) {
        List<FieldError> unknown = unknown(params, known);
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-parameter",
                    "The query has " + unknown.size() + " unknown parameter(s).", unknown);
        }
    }
}
