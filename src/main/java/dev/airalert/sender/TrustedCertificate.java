package dev.airalert.sender;

import dev.airalert.ColumnText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;

/** A certificate a trusted sender signs with (or the CA that issues the ones it signs with). */
@Entity
@Table(name = "trusted_sender_certificate")
class TrustedCertificate {

    @Id
    UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "trusted_sender_id")
    TrustedSender trustedSender;

    @Column(nullable = false)
    String sha256;

    @Column(nullable = false)
    String subject;

    @Column(nullable = false)
    String issuer;

    @Column(name = "not_before", nullable = false)
    Instant notBefore;

    @Column(name = "not_after", nullable = false)
    Instant notAfter;

    @Column(nullable = false)
    byte[] der;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    protected TrustedCertificate() {
    }

    TrustedCertificate(TrustedSender owner, X509Certificate certificate, String sha256, Instant now, String by)
            throws CertificateException {
        this.id = UUID.randomUUID();
        this.trustedSender = owner;
        this.sha256 = sha256;
        this.subject = ColumnText.fit(certificate.getSubjectX500Principal().getName(), 1000);
        this.issuer = ColumnText.fit(certificate.getIssuerX500Principal().getName(), 1000);
        this.notBefore = certificate.getNotBefore().toInstant();
        this.notAfter = certificate.getNotAfter().toInstant();
        this.der = certificate.getEncoded();
        this.createdAt = now;
        this.createdBy = by;
    }

    X509Certificate certificate() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("A stored certificate no longer parses", e);
        }
    }

    TrustedSenderView.Certificate view() {
        return new TrustedSenderView.Certificate(id, sha256, subject, issuer, notBefore, notAfter,
                certificate().getBasicConstraints() >= 0, createdAt);
    }
}
