package dev.airalert.delivery;

import dev.airalert.event.EventRecorded;
import dev.airalert.event.EventsCommitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

/**
 * The webhook channel's outbox: a row per event, written in the publish transaction (every
 * event, restricted ones too: a subscriber's key may read them), which the fan-out takes and
 * removes once every subscriber's delivery has its row. Wakes the fan-out when an event was
 * committed, here or on another instance.
 */
@ApplicationScoped
class WebhookOutbox {

    private final EntityManager em;
    private final DeliverySignal signal;

    WebhookOutbox(EntityManager em, DeliverySignal signal) {
        this.em = em;
        this.signal = signal;
    }

    void record(@Observes EventRecorded event) {
        em.createNativeQuery("INSERT INTO event_outbox (event_seq, chain_key) VALUES (?1, ?2)")
                .setParameter(1, event.seq()).setParameter(2, event.chainKey()).executeUpdate();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded event) {
        signal.wakeFanOut();
    }

    void committedElsewhere(@Observes EventsCommitted committed) {
        signal.wakeFanOut();
    }
}
