package dev.airalert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.Sha256;
import dev.airalert.alert.AlertStored;
import dev.airalert.alert.AlertView;
import dev.airalert.cap.CapAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes the event and its outbox row in the publish transaction (so a 201 means the event
 * exists and will be delivered), and wakes the local workers once that transaction has
 * committed. Only Alert, Update and Cancel messages are events; Ack and Error are not
 * notices for people.
 */
@ApplicationScoped
class EventOutbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final DeliverySignal signal;
    private final Event<EventRecorded> recorded;
    private final CommitNotifications notifications;
    private final Clock clock = Clock.systemUTC();

    EventOutbox(EntityManager em, ObjectMapper json, DeliverySignal signal, Event<EventRecorded> recorded,
            CommitNotifications notifications) {
        this.em = em;
        this.json = json;
        this.signal = signal;
        this.recorded = recorded;
        this.notifications = notifications;
    }

    void record(@Observes AlertStored stored) {
        String type = switch (stored.alert().alert().msgType()) {
            case "Alert" -> AlertEvent.PUBLISHED;
            case "Update" -> AlertEvent.UPDATED;
            case "Cancel" -> AlertEvent.CANCELLED;
            default -> null;
        };
        if (type == null) {
            return;
        }
        AlertEvent event = new AlertEvent(UUID.randomUUID(), type, stored.alert().id(), chainKey(stored),
                stored.related().stream().map(UUID::toString).collect(Collectors.joining(",")),
                clock.instant(), payload(stored.alert()), stored.audience());
        em.persist(event);
        em.flush();
        em.createNativeQuery("INSERT INTO event_outbox (event_seq) VALUES (?1)")
                .setParameter(1, event.seq).executeUpdate();
        recorded.fire(new EventRecorded(event.seq, stored.audience().isPublic()));
        notifications.notifyOnCommit(em);
    }

    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertStored stored) {
        signal.wakeFanOut();
    }

    void committedElsewhere(@Observes EventsCommitted committed) {
        signal.wakeFanOut();
    }

    /**
     * An alert, its updates and its cancel share a chain, delivered in order: the chain of
     * the first referenced alert we know, else of the first reference, else its own.
     */
    private String chainKey(AlertStored stored) {
        List<UUID> related = stored.related();
        if (!related.isEmpty()) {
            List<String> known = em.createQuery(
                    "select e.chainKey from AlertEvent e where e.alertId = ?1 order by e.seq", String.class)
                    .setParameter(1, related.get(0)).setMaxResults(1).getResultList();
            if (!known.isEmpty()) {
                return known.get(0);
            }
        }
        CapAlert cap = stored.alert().alert();
        if (cap.references() != null && !cap.references().isBlank()) {
            String[] first = cap.references().trim().split("\\s+")[0].split(",");
            return chainOf(first[0], first[1]);
        }
        return chainOf(cap.sender(), cap.identifier());
    }

    private static String chainOf(String sender, String identifier) {
        return Sha256.hex(sender + "\n" + identifier).substring(0, 32);
    }

    private String payload(AlertView alert) {
        try {
            return json.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alert views always serialise", e);
        }
    }
}
