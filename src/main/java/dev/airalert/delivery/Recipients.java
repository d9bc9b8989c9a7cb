package dev.airalert.delivery;

import dev.airalert.NativeValues;
import dev.airalert.alert.AlertView;
import dev.airalert.cap.CapAddresses;
import dev.airalert.event.AlertEvent;
import dev.airalert.event.EventLog;
import dev.airalert.security.Audience;
import dev.airalert.subscription.SubscriptionMatcher;
import dev.airalert.subscription.SubscriptionRepository.Target;
import dev.airalert.subscription.WebhookFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is to get an event: the subscriptions that match it and may read it, less those that
 * already have a delivery of it (the event is fanned out again after an instance died), and
 * which of them still wait for an earlier event of its chain. Runs in the fan-out's transaction.
 */
@ApplicationScoped
class Recipients {

    private final EntityManager em;
    private final SubscriptionMatcher matcher;
    private final EventLog eventLog;

    Recipients(EntityManager em, SubscriptionMatcher matcher, EventLog eventLog) {
        this.em = em;
        this.matcher = matcher;
        this.eventLog = eventLog;
    }

    /** The event's recipients, in the matcher's order, and those of them whose chain waits. */
    record Found(List<Target> targets, Set<UUID> waiting) {
    }

    Found of(AlertEvent event, Instant now) {
        List<Target> inRegions = matcher.inRegions(eventLog.regionsOf(event), now);
        if (inRegions.isEmpty()) {
            // Nobody follows these places: nothing more to read (most events of a quiet place).
            return new Found(List.of(), Set.of());
        }
        Set<UUID> delivered = uuids(em.createNativeQuery("SELECT subscription_id FROM delivery WHERE event_seq = ?1")
                .setParameter(1, event.seq()).getResultList());
        List<Target> targets = onePerBrowser(matching(event, inRegions)).stream()
                .filter(t -> !delivered.contains(t.id())).toList();
        Set<UUID> waiting = uuids(em.createNativeQuery("SELECT DISTINCT subscription_id FROM delivery_queue"
                + " WHERE chain_key = ?1 AND event_seq < ?2").setParameter(1, event.chainKey())
                .setParameter(2, event.seq()).getResultList());
        return new Found(targets, waiting);
    }

    private List<Target> matching(AlertEvent event, List<Target> inRegions) {
        Optional<AlertView> alert = eventLog.alertOf(event);
        if (alert.isEmpty()) {
            return List.of();
        }
        Audience audience = Audience.of(alert.get().alert().scope(),
                CapAddresses.parse(alert.get().alert().addresses()), event.publishedBy());
        return matcher.matching(alert.get(), inRegions, event.relatedIds(), eventLog::readOnce, audience);
    }

    /**
     * A browser following two places an alert covers gets it once: of its push subscriptions that
     * match, the one with the lowest id, so an event fanned out again picks the same one.
     */
    static List<Target> onePerBrowser(List<Target> targets) {
        Map<String, Target> browsers = new HashMap<>();
        for (Target t : targets) {
            if (t.format() == WebhookFormat.WEBPUSH) {
                browsers.merge(t.url(), t, (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b);
            }
        }
        if (browsers.isEmpty()) {
            return targets;
        }
        return targets.stream().filter(t -> t.format() != WebhookFormat.WEBPUSH || browsers.get(t.url()) == t).toList();
    }

    private static Set<UUID> uuids(List<?> column) {
        Set<UUID> ids = new HashSet<>();
        column.forEach(value -> ids.add(NativeValues.uuid(value)));
        return ids;
    }
}
