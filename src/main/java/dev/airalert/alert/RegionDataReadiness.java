package dev.airalert.alert;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "region-data": DOWN until the alerts in force are resolved with the region
 * data this instance loaded ({@link RegionDataUpgrade}), saying why.
 */
@Readiness
@ApplicationScoped
class RegionDataReadiness implements HealthCheck {

    private final RegionDataUpgrade upgrade;

    RegionDataReadiness(RegionDataUpgrade upgrade) {
        this.upgrade = upgrade;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("region-data").up();
        upgrade.pending().ifPresent(why -> response.down().withData("pending", why));
        return response.build();
    }
}
