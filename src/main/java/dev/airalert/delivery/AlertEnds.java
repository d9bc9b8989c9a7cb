package dev.airalert.delivery;

import dev.airalert.NativeValues;
import dev.airalert.alert.AlertState;
import dev.airalert.event.AlertEvent;
import dev.airalert.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Whether an event still has something to say: an {@code alert.published} or
 * {@code alert.updated} whose alert was since cancelled or updated is superseded, and one whose
 * alert expired is stale too ({@link Outgoing#stale}). Cancels, and events of other kinds, never
 * go stale: an all-clear is news whenever it comes.
 */
@ApplicationScoped
class AlertEnds {

    /** The alert's state words that mean another message ended it. */
    static final List<String> ENDED = List.of(AlertState.UPDATED.code(), AlertState.CANCELLED.code());

    private final EntityManager em;

    AlertEnds(EntityManager em) {
        this.em = em;
    }

    /** What ended the event's alert (superseded, or null), and when it expires (null: never, or not an alert). */
    record State(DeliveryStatus ended, Instant expires) {

        static final State NONE = new State(null, null);

        static State of(String type, String alertState, Instant expires) {
            if (!EventType.PUBLISHED.wire().equals(type) && !EventType.UPDATED.wire().equals(type)) {
                return NONE;
            }
            return new State(ENDED.contains(alertState) ? DeliveryStatus.SUPERSEDED : null, expires);
        }
    }

    /** In the caller's transaction. */
    State of(AlertEvent event) {
        if (event.alertId() == null) {
            return State.NONE;
        }
        List<?> rows = em.createNativeQuery("SELECT state, expires_at FROM alert WHERE id = ?1")
                .setParameter(1, event.alertId()).getResultList();
        if (rows.isEmpty()) {
            return State.NONE;
        }
        Object[] row = (Object[]) rows.get(0);
        return State.of(event.type(), (String) row[0], NativeValues.instant(row[1]));
    }
}
