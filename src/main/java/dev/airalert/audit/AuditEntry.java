package dev.airalert.audit;

import dev.airalert.ColumnText;
import dev.airalert.security.AuditEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of the audit trail; written once, never changed. */
@Entity
@Table(name = "audit_event")
class AuditEntry {

    @Id
    UUID id;

    @Column(nullable = false)
    Instant at;

    @Column(nullable = false)
    String action;

    @Column(nullable = false)
    String outcome;

    @Column(name = "key_id")
    String keyId;

    String holder;

    String sender;

    @Column(name = "alert_id")
    UUID alertId;

    @Column(name = "client_address")
    String clientAddress;

    String detail;

    protected AuditEntry() {
    }

    AuditEntry(AuditEvent event, Instant at) {
        this.id = UUID.randomUUID();
        this.at = at;
        this.action = event.action();
        this.outcome = event.outcome().code();
        if (event.caller() != null) {
            this.keyId = event.caller().keyId();
            this.holder = ColumnText.fit(event.caller().holder(), 200);
            this.clientAddress = ColumnText.fit(event.caller().clientAddress(), 64);
        }
        this.sender = ColumnText.fit(event.sender(), 1024);
        this.alertId = event.alertId();
        this.detail = ColumnText.fit(event.detail(), 2000);
    }

    AuditView view() {
        return new AuditView(id, at, action, outcome, keyId, holder, sender, alertId, clientAddress, detail);
    }
}
