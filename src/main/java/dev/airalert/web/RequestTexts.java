package dev.airalert.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * Query parameters are text: one carrying a NUL or another control character (tab and line
 * breaks aside) is refused with a problem naming it, before any resource sees it (PostgreSQL
 * cannot even compare such a value, so it would otherwise fail as an internal error).
 */
@ApplicationScoped
class RequestTexts {

    void register(@Observes Filters filters) {
        filters.register(this::check, 250);
    }

    private void check(RoutingContext rc) {
        for (Map.Entry<String, String> parameter : rc.queryParams()) {
            String field = XmlText.firstIllegal(parameter.getKey()) >= 0 ? "query" : parameter.getKey();
            String text = field.equals("query") ? parameter.getKey() : parameter.getValue();
            int bad = XmlText.firstIllegal(text);
            if (bad >= 0) {
                String why = XmlText.refusal(text, bad);
                RouteProblems.send(rc, 400, "/problems/invalid-parameter", "Invalid request", field + ": " + why,
                        List.of(new FieldError(field, why)));
                return;
            }
        }
        rc.next();
    }
}
