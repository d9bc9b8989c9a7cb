package dev.airalert.subscription;

import dev.airalert.NativeValues;
import dev.airalert.security.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * At start, seals every webhook secret that is not sealed with the current master key: those
 * stored in plain by the previous release, and those sealed with a former master key after
 * a rotation. Each value is replaced only if it is still what was read, so replicas starting
 * together do the work once, and a rotation meanwhile is never overwritten.
 */
@ApplicationScoped
class WebhookSecretsAtRest {

    private static final Logger LOG = Logger.getLogger(WebhookSecretsAtRest.class);

    private final EntityManager em;
    private final SecretBox box;

    WebhookSecretsAtRest(EntityManager em, SecretBox box) {
        this.em = em;
        this.box = box;
    }

    void sealAtStart(@Observes @Priority(2) StartupEvent start) {
        int sealed = sealAll();
        if (sealed > 0) {
            LOG.infof("Secrets at rest: %d webhook secrets sealed with the current master key", sealed);
        }
    }

    int sealAll() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id, secret, previous_secret FROM subscription").getResultList());
        int sealed = 0;
        for (Object[] row : rows) {
            UUID id = NativeValues.uuid(row[0]);
            sealed += reseal(id, "secret", (String) row[1]) + reseal(id, "previous_secret", (String) row[2]);
        }
        return sealed;
    }

    private int reseal(UUID id, String column, String stored) {
        if (stored == null || box.isCurrent(stored)) {
            return 0;
        }
        String purpose = Subscription.secretPurpose(id);
        String sealed = box.seal(purpose, box.open(purpose, stored));
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE subscription SET " + column
                + " = ?1 WHERE id = ?2 AND " + column + " = ?3").setParameter(1, sealed).setParameter(2, id)
                .setParameter(3, stored).executeUpdate());
    }
}
