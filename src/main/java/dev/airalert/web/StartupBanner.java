package dev.airalert.web;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

/** Tells whoever started the service where to find it. */
@ApplicationScoped
class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void announce(@ObservesAsync HttpServerStart start) {
        String host = start.options().getHost();
        String base = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":"
                + start.options().getPort();
        LOG.infof("airalert listening on %s: API %s/api/v1/alerts, docs %s/q/swagger-ui,"
                + " health %s/q/health", base, base, base, base);
    }
}
