package dev.airalert.subscription;

import dev.airalert.NativeValues;
import dev.airalert.security.SecretBox;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Subscriptions in the database. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    private static final Logger LOG = Logger.getLogger(SubscriptionRepository.class);

    private final SecretBox box;

    SubscriptionRepository(SecretBox box) {
        this.box = box;
    }

    List<Subscription> findByOwner(String owner) {
        return list("owner = ?1 order by createdAt desc", owner);
    }

    Optional<Subscription> findOwned(UUID id, String owner) {
        return find("id = ?1 and owner = ?2", id, owner).firstResultOptional();
    }

    /** The delivery tables keep no foreign keys (they are written at fan-out rates): cleaned up here. */
    void deleteDeliveries(UUID subscription) {
        var em = getEntityManager();
        em.createNativeQuery("DELETE FROM delivery_attempt WHERE delivery_id IN"
                + " (SELECT id FROM delivery WHERE subscription_id = ?1)").setParameter(1, subscription).executeUpdate();
        em.createNativeQuery("DELETE FROM delivery_queue WHERE subscription_id = ?1").setParameter(1, subscription)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM delivery WHERE subscription_id = ?1").setParameter(1, subscription)
                .executeUpdate();
    }

    /**
     * A subscription as matching and sending need it: its filter and its endpoint (the
     * secrets that sign at {@code now}), nothing else loaded.
     */
    public record Target(UUID id, String owner, SubscriptionFilter filter, String url, boolean enabled,
            List<String> secrets, WebhookFormat format, boolean deliverLate, String place) {
    }

    /**
     * Subscriptions listening to any of these region codes. Disabled ones too: their
     * deliveries wait in the queue until they are enabled again, so an outage on the
     * subscriber's side loses nothing. Not those of a revoked key: they stopped with it. A
     * projection, not entities: one alert can match tens of thousands.
     */
    public List<Target> findTargetsInRegions(Collection<String> codes, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT s.id, s.events, s.min_severity_rank, s.urgencies, s.certainties, s.statuses,
                       s.languages, s.point_lat, s.point_lon, s.radius_km,
                       s.url, s.enabled, s.secret, s.previous_secret, s.previous_secret_until, s.owner,
                       s.threats, s.threat_levels, s.format, s.deliver_late, s.place
                FROM subscription s WHERE s.owner_revoked_at IS NULL AND s.id IN (
                  SELECT r.subscription_id FROM subscription_region r WHERE r.region_code IN (?1))""")
                .setParameter(1, codes).getResultList();
        List<Target> targets = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            UUID id = NativeValues.uuid(r[0]);
            List<String> secrets;
            try {
                secrets = Subscription.signingSecrets(box, id, (String) r[12], (String) r[13],
                        NativeValues.instant(r[14]), now);
            } catch (IllegalStateException e) {
                // An unreadable secret cannot sign: that subscription is left out, loudly; the others go on.
                LOG.errorf("Subscription %s cannot sign (its secret does not open: %s); it gets nothing", id,
                        e.getMessage());
                continue;
            }
            targets.add(new Target(id, (String) r[15], SubscriptionFilter.of((String) r[1], (Number) r[2],
                    (String) r[3], (String) r[4], (String) r[5], (String) r[6], (Number) r[7], (Number) r[8],
                    (Number) r[9], (String) r[16], (String) r[17]), (String) r[10], (Boolean) r[11], secrets,
                    WebhookFormat.of((String) r[18]), (Boolean) r[19], (String) r[20]));
        }
        return targets;
    }
}
