package dev.airalert.alert;

import dev.airalert.AirAlertConfig;
import dev.airalert.cap.CapEnums;
import dev.airalert.region.LatLon;
import dev.airalert.region.RegionResolver;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import dev.airalert.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns history query parameters into an {@link AlertQuery}. Strict like the best alert
 * APIs: an unknown parameter or a bad value is a 400 naming it, and every bad one is
 * reported at once.
 */
@ApplicationScoped
class AlertQueryParser {

    static final Set<String> PARAMETERS = Set.of("region", "point", "event", "severity", "urgency",
            "certainty", "status", "msgType", "sender", "active", "since", "until", "lang",
            "limit", "cursor");

    private final RegionResolver regions;
    private final AirAlertConfig config;

    AlertQueryParser(RegionResolver regions, AirAlertConfig config) {
        this.regions = regions;
        this.config = config;
    }

    AlertQuery parse(MultivaluedMap<String, String> params) {
        List<FieldError> errors = new ArrayList<>(QueryParameters.unknown(params, PARAMETERS));
        Values v = new Values(params, errors);
        Set<String> regionCodes = new LinkedHashSet<>();
        for (String r : v.list("region")) {
            regions.codeFor(r).ifPresentOrElse(code -> regionCodes.addAll(regions.withRelatives(code)),
                    () -> errors.add(new FieldError("region", "'" + r
                            + "' is not a known region name or an ISO 3166-2 code such as UA-30")));
        }
        LatLon point = v.point("point");
        if (point != null && !regionCodes.isEmpty()) {
            errors.add(new FieldError("point", "cannot be combined with region"));
        }
        String event = v.single("event");
        String severity = v.oneOf("severity", CapEnums.SEVERITY);
        Set<String> statuses = v.listOf("status", CapEnums.STATUS);
        Boolean active = v.bool("active");
        Instant since = v.time("since");
        Instant until = v.time("until");
        String lang = v.single("lang");
        if (lang != null && !lang.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
            errors.add(new FieldError("lang", "must be a language tag such as de or en-US"));
        }
        int limit = v.limit(config.history().defaultLimit(), config.history().maxLimit());
        Set<String> urgencies = v.listOf("urgency", CapEnums.URGENCY);
        Set<String> certainties = v.listOf("certainty", CapEnums.CERTAINTY);
        Set<String> msgTypes = v.listOf("msgType", CapEnums.MSG_TYPE);
        String sender = v.single("sender");
        String cursor = v.single("cursor");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-parameter",
                    "The query has " + errors.size() + " invalid parameter(s).", errors);
        }
        return new AlertQuery(regionCodes, point, event == null ? null : event.toLowerCase(Locale.ROOT),
                severity == null ? null : CapEnums.severityRank(severity), urgencies,
                certainties, statuses.isEmpty() ? Set.of("Actual") : statuses, msgTypes, sender,
                active, since, until, lang, limit, cursor == null ? null : Cursor.decode(cursor));
    }

    /** Reads values and records what is wrong with them instead of stopping at the first. */
    private record Values(MultivaluedMap<String, String> params, List<FieldError> errors) {

        String single(String name) {
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

        /** Comma-separated and/or repeated values. */
        List<String> list(String name) {
            List<String> values = params.get(name);
            if (values == null) {
                return List.of();
            }
            List<String> all = values.stream().flatMap(x -> Arrays.stream(x.split(",")))
                    .map(String::trim).toList();
            if (all.stream().anyMatch(String::isEmpty)) {
                errors.add(new FieldError(name, "must not contain empty values"));
            }
            return all.stream().filter(x -> !x.isEmpty()).toList();
        }

        Set<String> listOf(String name, List<String> allowed) {
            Set<String> result = new LinkedHashSet<>();
            for (String value : list(name)) {
                String known = canonical(value, allowed);
                if (known == null) {
                    errors.add(new FieldError(name, "'" + value + "' is not one of "
                            + String.join(", ", allowed)));
                } else {
                    result.add(known);
                }
            }
            return result;
        }

        String oneOf(String name, List<String> allowed) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            String known = canonical(value, allowed);
            if (known == null) {
                errors.add(new FieldError(name, "'" + value + "' is not one of "
                        + String.join(", ", allowed)));
            }
            return known;
        }

        LatLon point(String name) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            try {
                return LatLon.parse(value);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, e.getMessage()));
                return null;
            }
        }

        Boolean bool(String name) {
            String value = single(name);
            if (value == null) {
                return null;
            }
            if (!value.equals("true") && !value.equals("false")) {
                errors.add(new FieldError(name, "must be true or false"));
                return null;
            }
            return Boolean.valueOf(value);
        }

        /** A date-time with offset; both the CAP form and ISO 8601 with Z are fine here. */
        Instant time(String name) {
            return QueryParameters.time(single(name), name, errors);
        }

        int limit(int defaultLimit, int maxLimit) {
            String value = single("limit");
            if (value == null) {
                return defaultLimit;
            }
            try {
                int limit = Integer.parseInt(value);
                if (limit >= 1 && limit <= maxLimit) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // reported below like any other out-of-range value
            }
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + maxLimit));
            return defaultLimit;
        }

        private static String canonical(String value, List<String> allowed) {
            return allowed.stream().filter(a -> a.equalsIgnoreCase(value)).findFirst().orElse(null);
        }
    }
}
