package dev.airalert.status;

import dev.airalert.region.Gazetteer;
import dev.airalert.region.Region;
import dev.airalert.region.RegionResolver;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import dev.airalert.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the query of the status endpoints: {@code level} (oblast, raion, hromada;
 * comma-separated and/or repeated), {@code within} (a region's code or name: only the regions
 * inside it, by default its raions and hromadas) and, for the states themselves, {@code format}
 * (json, compact). Every bad value is named in one 400.
 */
@ApplicationScoped
class StatusParameters {

    static final String LEVEL = "level";
    static final String WITHIN = "within";
    static final String FORMAT = "format";

    /** How the states are written. */
    enum Format {
        /** {@code {"regions": {code: state}}}. */
        JSON,
        /** One character per region ({@link CompactStatus}). */
        COMPACT
    }

    /** What a request asks for. */
    record Request(StatusSelection selection, Format format) {
    }

    private final Gazetteer gazetteer;
    private final RegionResolver resolver;

    StatusParameters(Gazetteer gazetteer, RegionResolver resolver) {
        this.gazetteer = gazetteer;
        this.resolver = resolver;
    }

    /** The query of {@code GET /api/v1/status}. */
    Request states(MultivaluedMap<String, String> query) {
        QueryParameters.requireKnown(query, Set.of(LEVEL, WITHIN, FORMAT));
        List<FieldError> errors = new ArrayList<>();
        StatusSelection selection = selection(query, errors);
        Format format = format(QueryParameters.single(query, FORMAT, errors), errors);
        throwIfAny(errors);
        return new Request(selection, format);
    }

    /** The query of {@code GET /api/v1/status/order}. */
    StatusSelection order(MultivaluedMap<String, String> query) {
        QueryParameters.requireKnown(query, Set.of(LEVEL, WITHIN));
        List<FieldError> errors = new ArrayList<>();
        StatusSelection selection = selection(query, errors);
        throwIfAny(errors);
        return selection;
    }

    private StatusSelection selection(MultivaluedMap<String, String> query, List<FieldError> errors) {
        Optional<String> within = within(QueryParameters.single(query, WITHIN, errors), errors);
        List<String> given = QueryParameters.list(query, LEVEL, errors);
        Set<StatusLevel> levels = EnumSet.noneOf(StatusLevel.class);
        for (String level : given) {
            StatusLevel.fromCode(level).ifPresentOrElse(levels::add, () -> errors.add(new FieldError(LEVEL,
                    "'" + level + "' is not a level; levels: oblast, raion, hromada")));
        }
        if (given.isEmpty()) {
            // Inside a region, what lies below the oblast level is what one asks for.
            levels.addAll(within.isPresent() ? Set.of(StatusLevel.RAION, StatusLevel.HROMADA) : Set.of(StatusLevel.OBLAST));
        }
        return new StatusSelection(levels, within);
    }

    /** The region's own code; a name must mean one region, and that region must have regions inside it. */
    private Optional<String> within(String given, List<FieldError> errors) {
        if (given == null) {
            return Optional.empty();
        }
        RegionResolver.Lookup lookup = resolver.lookup(given);
        Optional<Region> region = lookup.code().flatMap(gazetteer::byCode);
        if (region.isEmpty()) {
            errors.add(new FieldError(WITHIN, lookup.problem(given)));
            return Optional.empty();
        }
        if (gazetteer.children(region.get().code()).isEmpty()) {
            String hint = oblastOf(region.get().code()).map(o -> "for the places of its oblast give " + o)
                    .orElse("give an oblast or a raion, such as UA-46");
            errors.add(new FieldError(WITHIN, "'" + given + "' is " + region.get().name("en") + " ("
                    + region.get().code() + "), which has no regions inside it; " + hint));
            return Optional.empty();
        }
        return Optional.of(region.get().code());
    }

    /** The oblast-level region a place lies in (a bare city name means a hromada; its oblast is often meant). */
    private Optional<String> oblastOf(String code) {
        return gazetteer.ancestors(code).stream().map(gazetteer::byCode).flatMap(Optional::stream)
                .filter(r -> !r.isCountry() && !r.kind().isBelowOblast()).map(Region::code).findFirst();
    }

    private static Format format(String given, List<FieldError> errors) {
        if (given == null) {
            return Format.JSON;
        }
        try {
            return Format.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(FORMAT, "'" + given + "' is not a format; formats: json, compact"));
            return Format.JSON;
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-parameter", FieldError.describe(errors), errors);
        }
    }
}
