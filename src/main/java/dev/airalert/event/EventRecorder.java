package dev.airalert.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.Clocks;
import dev.airalert.Sha256;
import dev.airalert.alert.AlertStored;
import dev.airalert.alert.AlertView;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapInfo;
import dev.airalert.cap.CapReferences;
import dev.airalert.security.Audience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Appends to the event log in the publish transaction, so that a 201 means the event exists:
 * then fires {@link EventRecorded} in the same transaction, for every channel to write its
 * outbox row, and has the other instances told once it commits. Only Alert, Update and Cancel
 * messages are events; Ack and Error are not notices for people.
 */
@ApplicationScoped
public class EventRecorder {

    /** How many ended alerts an event names; a Cancel may end thousands, the count says how many. */
    static final int MAX_ENDS = 20;

    private final EntityManager em;
    private final EventLog eventLog;
    private final ObjectMapper json;
    private final Event<EventRecorded> recorded;
    private final CommitNotifications notifications;
    private final Clock clock = Clocks.UTC;

    EventRecorder(EntityManager em, EventLog eventLog, ObjectMapper json, Event<EventRecorded> recorded,
            CommitNotifications notifications) {
        this.em = em;
        this.eventLog = eventLog;
        this.json = json;
        this.recorded = recorded;
        this.notifications = notifications;
    }

    void record(@Observes AlertStored stored) {
        Optional<EventType> type = EventType.ofMessage(stored.alert().alert().msgType());
        if (type.isEmpty()) {
            return;
        }
        AlertEvent event = append(type.get(), stored.alert().id(), chainKey(stored), stored.related(),
                payload(stored.alert(), stored.related()), stored.audience());
        recorded.fire(new EventRecorded(event.seq(), event.chainKey(), stored.audience().isPublic()));
        notifications.notifyOnCommit(em);
    }

    /**
     * Appends an event in the caller's transaction, told to no channel: for an event only its
     * caller delivers (a webhook ping).
     */
    public AlertEvent append(EventType type, UUID alertId, String chainKey, List<UUID> related, String payload,
            Audience audience) {
        AlertEvent event = new AlertEvent(UUID.randomUUID(), type, alertId, chainKey,
                related.stream().map(UUID::toString).collect(Collectors.joining(",")), clock.instant(), payload,
                audience);
        em.persist(event);
        em.flush();
        return event;
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
        List<CapReferences.Entry> references = CapReferences.all(cap.references());
        if (!references.isEmpty()) {
            return chainOf(references.get(0).sender(), references.get(0).identifier());
        }
        return chainOf(cap.sender(), cap.identifier());
    }

    private static String chainOf(String sender, String identifier) {
        return Sha256.hex(sender + "\n" + identifier).substring(0, 32);
    }

    /**
     * The alert as every channel carries it; an Update or Cancel also names what it ends
     * ({@code ends}: id, sender, identifier, headline, places of each, the first
     * {@value #MAX_ENDS}; {@code endsCount}: all of them), so that a subscriber who never saw the
     * alert, or whose delivery of it was dropped as superseded, understands the all-clear.
     */
    private String payload(AlertView alert, List<UUID> related) {
        try {
            if (related.isEmpty()) {
                return json.writeValueAsString(alert);
            }
            ObjectNode payload = json.valueToTree(alert);
            ArrayNode ends = payload.putArray("ends");
            related.stream().limit(MAX_ENDS).forEach(id -> eventLog.readOnce(id).ifPresent(ended -> {
                ObjectNode end = ends.addObject();
                end.put("id", ended.id().toString());
                end.put("sender", ended.alert().sender());
                end.put("identifier", ended.alert().identifier());
                ended.alert().info().stream().map(CapInfo::headline).filter(h -> h != null && !h.isBlank())
                        .findFirst().ifPresent(h -> end.put("headline", h));
                ArrayNode places = end.putArray("regions");
                ended.regions().forEach(places::add);
            }));
            payload.put("endsCount", related.size());
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alert views always serialise", e);
        }
    }
}
