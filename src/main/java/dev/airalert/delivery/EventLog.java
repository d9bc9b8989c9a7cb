package dev.airalert.delivery;

import dev.airalert.alert.AlertHistory;
import dev.airalert.alert.AlertView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading the durable event log: an event with the alerts it concerns. */
@ApplicationScoped
public class EventLog {

    private final EntityManager em;
    private final AlertHistory alerts;

    EventLog(EntityManager em, AlertHistory alerts) {
        this.em = em;
        this.alerts = alerts;
    }

    /**
     * An event as brokers and streams carry it: its public id, type, time, the body
     * {@code {"type", "id", "timestamp", "data"}} with every language, and the alerts it
     * concerns (the alert first, then those an Update or Cancel refers to).
     */
    public record Entry(long seq, String id, String type, Instant createdAt, String body, List<AlertView> alerts) {
    }

    /** The event, if it is in the log; run inside a transaction. */
    public Optional<Entry> find(long seq) {
        AlertEvent event = em.find(AlertEvent.class, seq);
        if (event == null) {
            return Optional.empty();
        }
        String id = AlertEvent.publicId(event.id);
        return Optional.of(new Entry(event.seq, id, event.type, event.createdAt,
                WebhookBody.of(event.type, id, event.createdAt, event.payload, List.of()), concerned(event)));
    }

    /** The alert of the event and those it refers to, as far as they are stored; empty for pings. */
    List<AlertView> concerned(AlertEvent event) {
        if (event.alertId == null) {
            return List.of();
        }
        Optional<AlertView> alert = alerts.find(event.alertId, null);
        if (alert.isEmpty()) {
            return List.of();
        }
        List<AlertView> all = new ArrayList<>(List.of(alert.get()));
        Arrays.stream(event.relatedAlertIds.split(",")).filter(s -> !s.isBlank())
                .map(id -> alerts.find(UUID.fromString(id), null)).flatMap(Optional::stream).forEach(all::add);
        return all;
    }
}
