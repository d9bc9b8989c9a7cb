package dev.airalert.sender;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A sender whose alerts must be signed CAP XML, verified with one of its certificates. */
@Entity
@Table(name = "trusted_sender")
class TrustedSender {

    @Id
    UUID id;

    @Column(nullable = false)
    String sender;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    @OneToMany(mappedBy = "trustedSender", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    List<TrustedCertificate> certificates = new ArrayList<>();

    protected TrustedSender() {
    }

    TrustedSender(String sender, Instant now, String by) {
        this.id = UUID.randomUUID();
        this.sender = sender;
        this.createdAt = now;
        this.createdBy = by;
    }

    TrustedSenderView view() {
        return new TrustedSenderView(id, sender, createdAt, certificates.stream().map(TrustedCertificate::view).toList());
    }
}
