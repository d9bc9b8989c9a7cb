package dev.airalert.security;

import dev.airalert.AirAlertConfig.Security.Exposure;
import dev.airalert.AirAlertConfig;
import dev.airalert.web.DatabaseOutage;
import dev.airalert.web.RouteProblems;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What the operations endpoints expose, by configuration: {@code /q/metrics}
 * ({@code airalert.security.metrics}) and the API description, {@code /q/openapi} and
 * {@code /q/swagger-ui} ({@code airalert.security.api-docs}) are open, closed (404), or need
 * a key with the admin or monitor role. Health stays open: load balancers and orchestrators
 * read it.
 */
@ApplicationScoped
class OperationsGuard {

    private static final String BEARER = "Bearer ";

    private final AirAlertConfig.Security config;
    private final IdentityProviderManager providers;
    private final RateLimits limits;
    private final ClientAddresses addresses;

    OperationsGuard(AirAlertConfig config, IdentityProviderManager providers, RateLimits limits,
            ClientAddresses addresses) {
        this.config = config.security();
        this.providers = providers;
        this.limits = limits;
        this.addresses = addresses;
    }

    void register(@Observes Filters filters) {
        filters.register(this::guard, 190);
    }

    private void guard(RoutingContext rc) {
        String path = rc.normalizedPath();
        Exposure exposure = path.startsWith("/q/metrics") ? config.metrics()
                : path.startsWith("/q/openapi") || path.startsWith("/q/swagger-ui") ? config.apiDocs()
                : Exposure.OPEN;
        switch (exposure) {
            case OPEN -> rc.next();
            case CLOSED -> RouteProblems.send(rc, 404, "about:blank", "Not Found", "No such resource.");
            case KEY -> withKey(rc);
        }
    }

    private void withKey(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorized(rc);
            return;
        }
        rc.request().pause();
        providers.authenticate(new TokenAuthenticationRequest(
                new TokenCredential(header.substring(BEARER.length()).trim(), "bearer")))
                .subscribe().with(identity -> {
                    rc.request().resume();
                    if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.MONITOR)) {
                        rc.next();
                    } else {
                        RouteProblems.send(rc, 403, "/problems/forbidden", "Forbidden",
                                "This endpoint needs a key with the admin or monitor role.");
                    }
                }, failure -> {
                    rc.request().resume();
                    if (DatabaseOutage.causedBy(failure)) {
                        RouteProblems.send(rc, 503, "/problems/unavailable", "Service unavailable",
                                "The database is not reachable right now.", "Retry-After",
                                Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
                        return;
                    }
                    limits.authenticationFailed(addresses.of(rc.request()));
                    unauthorized(rc);
                });
    }

    private static void unauthorized(RoutingContext rc) {
        RouteProblems.send(rc, 401, "/problems/unauthorized", "Unauthorized",
                "Send a key with the admin or monitor role as 'Authorization: Bearer <key>'.",
                "WWW-Authenticate", "Bearer");
    }
}
