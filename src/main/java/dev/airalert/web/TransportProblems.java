package dev.airalert.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transport's own refusals as problem bodies too: a body over the HTTP limit is refused
 * from its Content-Length before a byte of it is read, and one sent in chunks when it passes
 * the limit, each with a 413 problem rather than an empty answer.
 */
@ApplicationScoped
class TransportProblems {

    private final long limit;

    TransportProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::declaredLength, 260);
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void declaredLength(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.length() < 20 && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > limit) {
            tooLarge(rc);
            return;
        }
        rc.next();
    }

    private void failed(RoutingContext rc) {
        if (rc.statusCode() == 413 && !rc.response().ended()) {
            tooLarge(rc);
        } else {
            rc.next();
        }
    }

    private void tooLarge(RoutingContext rc) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        RouteProblems.send(rc, 413, "/problems/too-large", "Payload too large",
                "The request body is larger than " + limit + " bytes, the most this service reads.");
    }
}
