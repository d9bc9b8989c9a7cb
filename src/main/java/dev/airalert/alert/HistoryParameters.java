package dev.airalert.alert;

import dev.airalert.filter.FilterParser;
import dev.airalert.web.ApiDescription;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The history search and the Atom feed read their query string as a whole (so that an unknown
 * parameter is refused); this lists its parameters in the API description, so that they can be
 * tried in Swagger UI.
 */
@OpenApiFilter
public class HistoryParameters implements OASFilter {

    static final Map<String, String> DESCRIPTIONS = descriptions();

    private static Map<String, String> descriptions() {
        Map<String, String> all = new LinkedHashMap<>(FilterParser.DESCRIPTIONS);
        all.putAll(FilterParser.descriptions(
                "point", "lat,lon: alerts whose areas contain this point (not with region)",
                "urgency", "Immediate, Expected, Future, Past, Unknown; comma-separated",
                "certainty", "Observed, Likely, Possible, Unlikely, Unknown; comma-separated",
                "status", "Actual (the default), Exercise, System, Test, Draft; comma-separated",
                "msgType", "Alert, Update, Cancel, Ack, Error; comma-separated",
                "sender", "The CAP sender",
                "active", "true: in force now; false: no longer",
                "since", "Sent at or after this date-time (with offset)",
                "until", "Sent before this date-time (with offset)",
                "limit", "How many per page (default 50, at most 500)",
                "cursor", "The previous page's next, for the page after it"));
        return Collections.unmodifiableMap(all);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ApiDescription.describeQuery(openAPI, "/api/v1/alerts", DESCRIPTIONS);
        ApiDescription.describeQuery(openAPI, "/api/v1/alerts.atom", DESCRIPTIONS);
    }
}
