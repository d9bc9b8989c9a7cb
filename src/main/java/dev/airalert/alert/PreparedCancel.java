package dev.airalert.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A Cancel prepared for an alert, as the bytes the publisher sent (a trusted sender signs them in advance). */
@Entity
@Table(name = "prepared_cancel")
class PreparedCancel {

    @Id
    @Column(name = "alert_id")
    UUID alertId;

    @Column(name = "content_type", nullable = false)
    String contentType;

    @Column(nullable = false)
    byte[] body;

    @Column(name = "stored_at", nullable = false)
    Instant storedAt;

    @Column(name = "stored_by", nullable = false)
    String storedBy;

    protected PreparedCancel() {
    }

    PreparedCancel(UUID alertId, String contentType, byte[] body, Instant storedAt, String storedBy) {
        this.alertId = alertId;
        this.contentType = contentType;
        this.body = body;
        this.storedAt = storedAt;
        this.storedBy = storedBy;
    }
}
