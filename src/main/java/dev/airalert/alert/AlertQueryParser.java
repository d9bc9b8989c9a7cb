package dev.airalert.alert;

import dev.airalert.AirAlertConfig;
import dev.airalert.cap.CapEnums;
import dev.airalert.filter.AlertFilter;
import dev.airalert.filter.FilterParser;
import dev.airalert.region.LatLon;
import dev.airalert.web.FieldError;
import dev.airalert.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns history query parameters into an {@link AlertQuery}. Strict like the best alert
 * APIs: an unknown parameter or a bad value is a 400 naming it, and every bad one is
 * reported at once. The filters the stream and subscriptions share (region, event,
 * severity, lang, threat, level) are read by {@link FilterParser}, so they mean the same here as there.
 */
@ApplicationScoped
class AlertQueryParser {

    static final Set<String> PARAMETERS = Stream.concat(FilterParser.PARAMETERS.stream(), Stream.of("point",
            "urgency", "certainty", "status", "msgType", "sender", "active", "since", "until", "limit", "cursor"))
            .collect(Collectors.toUnmodifiableSet());

    private final FilterParser filters;
    private final AirAlertConfig config;

    AlertQueryParser(FilterParser filters, AirAlertConfig config) {
        this.filters = filters;
        this.config = config;
    }

    AlertQuery parse(MultivaluedMap<String, String> params) {
        List<FieldError> errors = new ArrayList<>(QueryParameters.unknown(params, PARAMETERS));
        AlertFilter filter = filters.query(params, errors);
        Values v = new Values(params, errors);
        LatLon point = v.point("point");
        if (point != null && !filter.regions().isEmpty()) {
            errors.add(new FieldError("point", "cannot be combined with region"));
        }
        Set<String> statuses = v.listOf("status", CapEnums.STATUS);
        Boolean active = v.bool("active");
        Instant since = v.time("since");
        Instant until = v.time("until");
        int limit = v.limit(config.history().defaultLimit(), config.history().maxLimit());
        Set<String> urgencies = v.listOf("urgency", CapEnums.URGENCY);
        Set<String> certainties = v.listOf("certainty", CapEnums.CERTAINTY);
        Set<String> msgTypes = v.listOf("msgType", CapEnums.MSG_TYPE);
        String sender = v.single("sender");
        String cursor = v.single("cursor");
        QueryParameters.requireValid(errors);
        return new AlertQuery(filter.regions(), point, filter.events(), filter.minSeverityRank(), urgencies,
                certainties, statuses.isEmpty() ? Set.of("Actual") : statuses, msgTypes, sender,
                active, since, until, filter.languages(), filter.threats(), filter.levels(), limit, cursor == null ? null : Cursor.decode(cursor));
    }

    /** Reads values and records what is wrong with them instead of stopping at the first. */
    private record Values(MultivaluedMap<String, String> params, List<FieldError> errors) {

        String single(String name) {
            return QueryParameters.single(params, name, errors);
        }

        Set<String> listOf(String name, List<String> allowed) {
            Set<String> result = new LinkedHashSet<>();
            for (String value : QueryParameters.list(params, name, errors)) {
                FilterParser.known(value, allowed, name, errors).ifPresent(result::add);
            }
            return result;
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
            return QueryParameters.bool(params, name, errors);
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
    }
}
