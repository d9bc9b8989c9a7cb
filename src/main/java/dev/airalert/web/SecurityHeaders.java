package dev.airalert.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every response carries: no MIME sniffing, no referrer leaving the site, no
 * framing by other sites, and for the live map a Content-Security-Policy that allows only
 * the service's own scripts, styles and connections (no inline script, no CDN). Swagger UI
 * gets the framing rule only, as its page needs inline script. The page, its script modules
 * and its style are revalidated on every load ({@code no-cache}), never cached as immutable: a
 * fixed bug reaches browsers at their next visit.
 */
@ApplicationScoped
class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(this::headers, 300);
    }

    private void headers(RoutingContext rc) {
        String path = rc.normalizedPath();
        HttpServerResponse response = rc.response();
        response.putHeader("X-Content-Type-Options", "nosniff");
        response.putHeader("Referrer-Policy", "no-referrer");
        response.putHeader("X-Frame-Options", "DENY");
        if (path.startsWith("/q/swagger-ui") || path.startsWith("/q/dev")) {
            response.putHeader("Content-Security-Policy", "frame-ancestors 'none'");
        } else {
            response.putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        if (!path.startsWith("/api/") && !path.startsWith("/q/")) {
            rc.addHeadersEndHandler(v -> response.headers().set("Cache-Control", "no-cache"));
        }
        rc.next();
    }
}
