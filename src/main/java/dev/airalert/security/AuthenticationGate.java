package dev.airalert.security;

import dev.airalert.web.OtherServicesPaths;
import dev.airalert.web.RouteProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers 429 to a request that carries an API key from a client address that has used up
 * its failed authentications ({@code airalert.security.failed-authentications-per-minute}),
 * before the key is looked up: guessing keys costs the guesser time, not the database. A key
 * that authenticated lately still passes.
 */
@ApplicationScoped
class AuthenticationGate {

    private final RateLimits limits;
    private final ClientAddresses addresses;

    AuthenticationGate(RateLimits limits, ClientAddresses addresses) {
        this.limits = limits;
        this.addresses = addresses;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String authorization = rc.request().getHeader("Authorization");
            // The compatible APIs check their tokens themselves (ReaderTokens), which also take a key
            // without the Bearer scheme, and answer in their services' error shape.
            if (authorization != null && !OtherServicesPaths.contains(rc.normalizedPath())) {
                String secret = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                        ? authorization.substring(7).trim() : null;
                long wait = limits.authenticationBlockedFor(addresses.of(rc.request()), secret);
                if (wait > 0) {
                    RouteProblems.send(rc, 429, "/problems/too-many-requests", "Too many requests",
                            "Too many failed authentications from this address; try again after Retry-After.",
                            "Retry-After", Long.toString(wait));
                    return;
                }
            }
            rc.next();
        }, 200);
    }
}
