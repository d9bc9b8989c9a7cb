package dev.airalert.subscription;

import dev.airalert.security.KeyRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A revoked key's subscriptions stop with it, in the revoking transaction: disabled with
 * the reason, left out of every later match, and their waiting deliveries marked failed.
 * They cannot be enabled again (nobody holds their key); the admin can see them and why.
 */
@ApplicationScoped
class SubscriptionRevocation {

    static final String REASON = "its API key was revoked";

    private final EntityManager em;
    private final Event<SubscriptionsRevoked> revoked;

    SubscriptionRevocation(EntityManager em, Event<SubscriptionsRevoked> revoked) {
        this.em = em;
        this.revoked = revoked;
    }

    void keyRevoked(@Observes KeyRevoked key) {
        List<Subscription> owned = em.createQuery("from Subscription s where s.owner = ?1", Subscription.class)
                .setParameter(1, key.keyId()).getResultList();
        if (owned.isEmpty()) {
            return;
        }
        Set<UUID> ids = new HashSet<>();
        for (Subscription s : owned) {
            s.ownerRevoked(key.at(), REASON);
            ids.add(s.id);
        }
        em.flush();
        stopWaitingDeliveries(em, ids, key.at());
        revoked.fire(new SubscriptionsRevoked(ids));
    }

    /** Deliveries still queued for these subscriptions will never go: failed now, off the queue. */
    static void stopWaitingDeliveries(EntityManager em, Set<UUID> ids, java.time.Instant now) {
        em.createNativeQuery("UPDATE delivery SET status = 'failed', next_attempt_at = NULL, finished_at = ?1"
                + " WHERE id IN (SELECT q.delivery_id FROM delivery_queue q WHERE q.subscription_id IN (?2))")
                .setParameter(1, now).setParameter(2, ids).executeUpdate();
        em.createNativeQuery("DELETE FROM delivery_queue WHERE subscription_id IN (?1)").setParameter(1, ids)
                .executeUpdate();
    }
}
