package dev.airalert.region;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check "regions": DOWN until the gazetteer is loaded (alerts cannot be placed before). */
@Readiness
@ApplicationScoped
class RegionsReadiness implements HealthCheck {

    private final Gazetteer gazetteer;

    RegionsReadiness(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("regions").status(gazetteer.isLoaded()).build();
    }
}
