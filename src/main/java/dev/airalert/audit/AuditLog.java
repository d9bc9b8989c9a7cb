package dev.airalert.audit;

import dev.airalert.Clocks;
import dev.airalert.security.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Appends what was done and refused. An accepted act is written in the act's transaction:
 * it is in the trail exactly when it happened. A refusal is written in a transaction of its
 * own, since the act's is rolled back.
 */
@ApplicationScoped
class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    private final EntityManager em;
    private final Vertx vertx;
    private final Clock clock = Clocks.UTC;

    AuditLog(EntityManager em, Vertx vertx) {
        this.em = em;
        this.vertx = vertx;
    }

    void record(@Observes AuditEvent event) {
        AuditEntry entry = new AuditEntry(event, clock.instant());
        if (event.outcome() == AuditEvent.Outcome.ACCEPTED) {
            em.persist(entry);
        } else if (Context.isOnEventLoopThread()) {
            // Refused before the request reached a worker (a missing role): written on one.
            vertx.executeBlocking(() -> {
                writeAlone(event, entry);
                return null;
            }, false);
        } else {
            writeAlone(event, entry);
        }
    }

    private void writeAlone(AuditEvent event, AuditEntry entry) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.persist(entry));
        } catch (RuntimeException e) {
            // The refusal itself stands; a trail that cannot be written must not turn it into a 500.
            LOG.errorf("Could not write the audit entry %s %s by %s: %s", event.action(), event.outcome().code(),
                    entry.keyId, e.getMessage());
        }
    }
}
