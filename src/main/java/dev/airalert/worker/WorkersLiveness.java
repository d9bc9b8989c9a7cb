package dev.airalert.worker;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness check "workers": DOWN while a worker cannot be kept running, that is when it died
 * {@code airalert.workers.max-deaths} times within {@code death-window} in spite of the back-off,
 * or is not running and no restart is coming. Restarting the whole service is then the better
 * cure, and that is what an orchestrator does with a replica whose liveness is DOWN.
 */
@Liveness
@ApplicationScoped
class WorkersLiveness implements HealthCheck {

    private final Supervisor supervisor;

    WorkersLiveness(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(WorkersReadiness.NAME).up();
        Instant now = supervisor.clock().instant();
        for (Worker worker : supervisor.workers()) {
            worker.failure(now).ifPresent(why -> response.down().withData(worker.name(), why));
        }
        return response.build();
    }
}
