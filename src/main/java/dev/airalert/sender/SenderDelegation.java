package dev.airalert.sender;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Messages of {@code sender} may Update or Cancel alerts of {@code actsFor}. */
@Entity
@Table(name = "sender_delegation")
class SenderDelegation {

    @Id
    UUID id;

    @Column(nullable = false)
    String sender;

    @Column(name = "acts_for", nullable = false)
    String actsFor;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    protected SenderDelegation() {
    }

    SenderDelegation(String sender, String actsFor, Instant now, String by) {
        this.id = UUID.randomUUID();
        this.sender = sender;
        this.actsFor = actsFor;
        this.createdAt = now;
        this.createdBy = by;
    }

    DelegationView view() {
        return new DelegationView(id, sender, actsFor, createdAt, createdBy);
    }
}
