package dev.airalert.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The transport's own refusals as problem bodies too: a body over the HTTP limit is refused
 * from its Content-Length before a byte of it is read, with a 413 problem rather than an
 * empty answer; any other failure outside the resources (an Error included) answers a problem.
 */
@ApplicationScoped
class TransportProblems {

    private static final Logger LOG = Logger.getLogger(TransportProblems.class);

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

    /** Whatever fails outside the resources (a filter, the transport, an Error) still answers a problem. */
    private void failed(RoutingContext rc) {
        if (rc.response().ended() || rc.response().headWritten()) {
            rc.next();
        } else if (rc.statusCode() == 413) {
            tooLarge(rc);
        } else {
            int status = rc.statusCode() >= 400 ? rc.statusCode() : 500;
            if (status >= 500) {
                LOG.errorf(rc.failure(), "Failure on %s", rc.normalizedPath());
            }
            RouteProblems.send(rc, status, status >= 500 ? "/problems/internal" : "about:blank",
                    HttpResponseStatus.valueOf(status).reasonPhrase(),
                    status >= 500 ? "The service failed unexpectedly." : "The request could not be processed.");
        }
    }

    private void tooLarge(RoutingContext rc) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        RouteProblems.send(rc, 413, "/problems/too-large", "Payload too large",
                "The request body is larger than " + limit + " bytes, the most this service reads.",
                List.of(new FieldError("body", "must be at most " + limit + " bytes")));
    }
}
