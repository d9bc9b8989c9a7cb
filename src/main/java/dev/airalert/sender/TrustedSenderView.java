package dev.airalert.sender;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A trusted sender and its certificates, as admins see them. */
public record TrustedSenderView(UUID id, String sender, Instant createdAt, List<Certificate> certificates) {

    /** One registered certificate: its SHA-256 fingerprint (hex), names and validity; {@code ca}: it issues others. */
    public record Certificate(UUID id, String sha256, String subject, String issuer, Instant notBefore,
            Instant notAfter, boolean ca, Instant createdAt) {
    }
}
