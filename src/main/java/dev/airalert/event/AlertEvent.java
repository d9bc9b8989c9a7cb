package dev.airalert.event;

import dev.airalert.security.Audience;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One entry of the durable event log: what happened to which alert, and its payload. */
@Entity
@Table(name = "alert_event")
public class AlertEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long seq;

    @Column(nullable = false)
    UUID id;

    @Column(nullable = false)
    String type;

    @Column(name = "alert_id")
    UUID alertId;

    @Column(name = "chain_key", nullable = false)
    String chainKey;

    @Column(name = "related_alert_ids", nullable = false)
    String relatedAlertIds;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    String payload;

    /** {@code public} or {@code restricted} (a Restricted or Private alert): who may read it. */
    @Column(nullable = false)
    String audience;

    @Column(name = "published_by")
    UUID publishedBy;

    protected AlertEvent() {
    }

    AlertEvent(UUID id, EventType type, UUID alertId, String chainKey, String relatedAlertIds,
            Instant createdAt, String payload, Audience audience) {
        this.id = id;
        this.type = type.wire();
        this.alertId = alertId;
        this.chainKey = chainKey;
        this.relatedAlertIds = relatedAlertIds;
        this.createdAt = createdAt;
        this.payload = payload;
        this.audience = audience.label();
        this.publishedBy = audience.publishedBy();
    }

    /** The id receivers see as {@code webhook-id} and as the payload's {@code id}. */
    public static String publicId(UUID id) {
        return "evt_" + id.toString().replace("-", "");
    }

    /** Its place in the log: later events have larger numbers. */
    public long seq() {
        return seq;
    }

    public UUID id() {
        return id;
    }

    /** What happened, as receivers read it ({@link EventType#wire}). */
    public String type() {
        return type;
    }

    /** The alert the event is about: the published, updating or cancelling message. */
    public UUID alertId() {
        return alertId;
    }

    /** An alert, its updates and its cancel share a chain, delivered in order. */
    public String chainKey() {
        return chainKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The key that published the alert, if any: it may read what it published. */
    public UUID publishedBy() {
        return publishedBy;
    }

    /** The ids of the alerts an Update or Cancel refers to. */
    public List<UUID> relatedIds() {
        return Arrays.stream(relatedAlertIds.split(",")).filter(s -> !s.isBlank()).map(UUID::fromString).toList();
    }
}
