package dev.airalert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.Clocks;
import dev.airalert.NativeValues;
import dev.airalert.event.AlertEvent;
import dev.airalert.event.EventRecorder;
import dev.airalert.event.EventType;
import dev.airalert.security.Audience;
import dev.airalert.subscription.Subscription;
import dev.airalert.subscription.SubscriptionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What a subscriber can do about deliveries: read the attempt log, send a ping, replay. */
@ApplicationScoped
public class DeliveryService {

    private final EntityManager em;
    private final SubscriptionService subscriptions;
    private final DeliveryQueue queue;
    private final DeliverySignal signal;
    private final ObjectMapper json;
    private final EventRecorder events;
    private final Clock clock = Clocks.UTC;

    DeliveryService(EntityManager em, SubscriptionService subscriptions, DeliveryQueue queue,
            DeliverySignal signal, ObjectMapper json, EventRecorder events) {
        this.em = em;
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.signal = signal;
        this.json = json;
        this.events = events;
    }

    /** A test event for one subscription, delivered like any other. Returns its event id. */
    @Transactional
    public String ping(String owner, UUID subscriptionId) throws JsonProcessingException {
        Subscription subscription = subscriptions.owned(owner, subscriptionId);
        String payload = json.writeValueAsString(Map.of("subscriptionId", subscription.id().toString(),
                "message", "A test event from airalert: your endpoint and signature check work."));
        // A ping is its subscriber's alone: restricted, and no stream or broker carries it.
        AlertEvent event = events.append(EventType.PING, null, "ping-" + UUID.randomUUID(), List.of(), payload,
                new Audience(false, Set.of(), null));
        queue.enqueue(event, List.of(subscription.id()), clock.instant());
        signal.wakeDispatcher();
        return AlertEvent.publicId(event.id());
    }

    /** Delivers again every event this subscription was sent since the given time. */
    @Transactional
    public int replay(String owner, UUID subscriptionId, Instant since) {
        Subscription subscription = subscriptions.owned(owner, subscriptionId);
        @SuppressWarnings("unchecked")
        List<Number> seqs = em.createNativeQuery("SELECT DISTINCT d.event_seq FROM delivery d"
                + " JOIN alert_event e ON e.seq = d.event_seq WHERE d.subscription_id = ?1 AND e.created_at >= ?2"
                + " ORDER BY d.event_seq").setParameter(1, subscription.id()).setParameter(2, since).getResultList();
        List<AlertEvent> events = seqs.stream().map(seq -> em.find(AlertEvent.class, seq.longValue())).toList();
        em.flush();
        Instant now = clock.instant();
        // New deliveries, the same event ids: receivers that saw an event drop it again.
        events.forEach(e -> queue.enqueue(e, List.of(subscription.id()), now));
        int count = events.size();
        signal.wakeDispatcher();
        return count;
    }

    /** The newest deliveries first, each with its attempts. */
    @Transactional
    public List<DeliveryView> deliveries(String owner, UUID subscriptionId, int limit) {
        subscriptions.owned(owner, subscriptionId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.id, e.id, e.type, d.status, d.attempts, d.created_at, d.next_attempt_at, d.finished_at
                FROM delivery d JOIN alert_event e ON e.seq = d.event_seq
                WHERE d.subscription_id = ?1 ORDER BY d.created_at DESC, d.event_seq DESC""")
                .setParameter(1, subscriptionId).setMaxResults(limit).getResultList();
        Map<UUID, List<DeliveryView.Attempt>> attempts = attempts(rows.stream().map(r -> NativeValues.uuid(r[0])).toList());
        List<DeliveryView> views = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = NativeValues.uuid(r[0]);
            views.add(new DeliveryView(id, AlertEvent.publicId(NativeValues.uuid(r[1])), (String) r[2],
                    DeliveryStatus.of((String) r[3]), ((Number) r[4]).intValue(), NativeValues.instant(r[5]), NativeValues.instant(r[6]),
                    NativeValues.instant(r[7]), attempts.getOrDefault(id, List.of())));
        }
        return views;
    }

    private Map<UUID, List<DeliveryView.Attempt>> attempts(List<UUID> deliveries) {
        Map<UUID, List<DeliveryView.Attempt>> byDelivery = new LinkedHashMap<>();
        if (deliveries.isEmpty()) {
            return byDelivery;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT delivery_id, attempt, attempted_at, status_code, latency_ms, response_excerpt, error, next_retry_at
                FROM delivery_attempt WHERE delivery_id IN (?1) ORDER BY attempt""")
                .setParameter(1, deliveries).getResultList();
        for (Object[] r : rows) {
            byDelivery.computeIfAbsent(NativeValues.uuid(r[0]), k -> new ArrayList<>()).add(new DeliveryView.Attempt(
                    ((Number) r[1]).intValue(), NativeValues.instant(r[2]), r[3] == null ? null : ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue(), (String) r[5], (String) r[6], NativeValues.instant(r[7])));
        }
        return byDelivery;
    }
}
