package dev.airalert.audit;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Removes audit entries older than {@code airalert.audit.retention}, hourly, on every
 * replica (the removal is idempotent). The trail keeps at least a day whatever is
 * configured: on PostgreSQL the table itself refuses to lose younger rows.
 */
@ApplicationScoped
class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    private static final Duration MINIMUM = Duration.ofDays(1);

    private final AuditRepository entries;
    private final Duration retention;
    private final Clock clock = Clocks.UTC;

    AuditRetention(AuditRepository entries, AirAlertConfig config) {
        this.entries = entries;
        Duration configured = config.audit().retention();
        if (configured.compareTo(MINIMUM) < 0) {
            LOG.warnf("airalert.audit.retention=%s is below a day; keeping audit entries for a day", configured);
        }
        this.retention = configured.compareTo(MINIMUM) < 0 ? MINIMUM : configured;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        try {
            long removed = QuarkusTransaction.requiringNew().call(() -> entries.removeOlderThan(
                    clock.instant().minus(retention)));
            if (removed > 0) {
                LOG.infof("Audit trail: removed %d entries older than %s", removed, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Audit trail: removing old entries failed (%s); trying again in an hour", e.getMessage());
        }
    }
}
