package dev.airalert.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check "workers": DOWN while a worker is not running (it died and waits for its
 * restart), naming each stalled worker with since when, so that an operator sees which channel
 * stands still: {@code airalert-fanout}, {@code -dispatch}, {@code -outcomes} (webhooks),
 * {@code airalert-broker-<broker>}, {@code airalert-stream}, {@code airalert-notifications}.
 */
@Readiness
@ApplicationScoped
class WorkersReadiness implements HealthCheck {

    static final String NAME = "workers";

    private final Supervisor supervisor;

    WorkersReadiness(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        Instant now = supervisor.clock().instant();
        for (Worker worker : supervisor.workers()) {
            worker.stall(now).ifPresent(why -> response.down().withData(worker.name(), why));
        }
        return response.build();
    }
}
