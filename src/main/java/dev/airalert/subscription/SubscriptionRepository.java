package dev.airalert.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions in the database. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    List<Subscription> findByOwner(String owner) {
        return list("owner = ?1 order by createdAt desc", owner);
    }

    Optional<Subscription> findOwned(UUID id, String owner) {
        return find("id = ?1 and owner = ?2", id, owner).firstResultOptional();
    }

    /**
     * Subscriptions listening to any of these region codes, regions loaded. Disabled ones
     * too: their deliveries wait in the queue until they are enabled again, so an outage
     * on the subscriber's side loses nothing.
     */
    public List<Subscription> findInRegions(Collection<String> codes) {
        return getEntityManager().createQuery("""
                select distinct s from Subscription s left join fetch s.regionCodes
                where s.id in (
                  select s2.id from Subscription s2 join s2.regionCodes c where c in :codes)""",
                Subscription.class).setParameter("codes", codes).getResultList();
    }
}
