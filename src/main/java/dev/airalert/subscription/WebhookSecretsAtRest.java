package dev.airalert.subscription;

import dev.airalert.NativeValues;
import dev.airalert.security.SecretBox;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
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
        return box.resealColumn(em, "subscription", "id", "secret", this::purpose)
                + box.resealColumn(em, "subscription", "id", "previous_secret", this::purpose);
    }

    private String purpose(Object id) {
        return Subscription.secretPurpose(NativeValues.uuid(id));
    }
}
