package dev.airalert.sender;

import dev.airalert.Clocks;
import dev.airalert.NativeValues;
import dev.airalert.Sha256;
import dev.airalert.security.AuditEvent;
import dev.airalert.security.Caller;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Trusted senders and their certificates. A sender registered here must send standalone
 * CAP XML signed with one of its certificates (or with one its registered CA issued);
 * anything else from it is refused. It stays trusted, certificates or none, until an admin
 * removes it: removing its last certificate does not open the door to unsigned alerts.
 */
@ApplicationScoped
public class TrustedSenders {

    /** Each is tried on a signature: kept few, so that checking one stays cheap. */
    static final int MAX_CERTIFICATES = 20;

    private final EntityManager em;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clocks.UTC;

    TrustedSenders(EntityManager em, Event<AuditEvent> audit) {
        this.em = em;
        this.audit = audit;
    }

    /**
     * The certificates a sender's alerts must be signed with; empty when the sender is not
     * trusted (its alerts need no signature). Runs in the caller's transaction.
     */
    public Optional<List<X509Certificate>> certificatesOf(String sender) {
        // Case does not make another sender: ALERTS@dsns.gov.ua must sign as alerts@dsns.gov.ua does.
        // Native SQL: every publish asks, and Hibernate translated this HQL (its function of a
        // parameter) anew at every call, a tenth of a publish's CPU. Nothing in a publish writes
        // trusted senders, so the alert it is storing need not be flushed first.
        List<?> ids = em.createNativeQuery("SELECT id FROM trusted_sender WHERE lower(sender) = lower(?1)")
                .setParameter(1, sender).setFlushMode(FlushModeType.COMMIT).getResultList();
        return ids.stream().findFirst().map(id -> em.find(TrustedSender.class, NativeValues.uuid(id)))
                .map(t -> t.certificates.stream().map(TrustedCertificate::certificate).toList());
    }

    @Transactional
    public TrustedSenderView trust(SenderRequests.Trust request, Caller by) {
        String sender = request.sender().trim();
        if (certificatesOf(sender).isPresent()) {
            throw new ProblemException(409, "/problems/conflict", "Conflict",
                    "Sender '" + sender + "' is trusted already; add certificates to it instead.",
                    List.of(new FieldError("sender", "is trusted already")));
        }
        TrustedSender trusted = new TrustedSender(sender, clock.instant(), by.keyId());
        for (int i = 0; i < request.certificates().size(); i++) {
            add(trusted, request.certificates().get(i), "certificates[" + i + "]", by);
        }
        em.persist(trusted);
        audit.fire(AuditEvent.accepted(AuditEvent.SENDER_TRUSTED, by, sender, null,
                "certificates " + trusted.certificates.stream().map(c -> c.sha256).toList()));
        return trusted.view();
    }

    @Transactional
    public TrustedSenderView addCertificate(UUID id, String pem, Caller by) {
        TrustedSender trusted = find(id);
        TrustedCertificate added = add(trusted, pem, "certificate", by);
        em.flush();
        audit.fire(AuditEvent.accepted(AuditEvent.CERTIFICATE_ADDED, by, trusted.sender, null,
                "certificate " + added.sha256 + " " + added.subject));
        return trusted.view();
    }

    @Transactional
    public TrustedSenderView removeCertificate(UUID id, UUID certificateId, Caller by) {
        TrustedSender trusted = find(id);
        TrustedCertificate certificate = trusted.certificates.stream().filter(c -> c.id.equals(certificateId))
                .findFirst().orElseThrow(NotFoundException::new);
        trusted.certificates.remove(certificate);
        audit.fire(AuditEvent.accepted(AuditEvent.CERTIFICATE_REMOVED, by, trusted.sender, null,
                "certificate " + certificate.sha256 + " " + certificate.subject));
        return trusted.view();
    }

    @Transactional
    public void untrust(UUID id, Caller by) {
        TrustedSender trusted = find(id);
        em.remove(trusted);
        audit.fire(AuditEvent.accepted(AuditEvent.SENDER_UNTRUSTED, by, trusted.sender, null,
                "its alerts no longer need a signature"));
    }

    @Transactional
    public List<TrustedSenderView> list() {
        return em.createQuery("from TrustedSender t order by t.sender", TrustedSender.class).getResultList()
                .stream().map(TrustedSender::view).toList();
    }

    @Transactional
    public TrustedSenderView get(UUID id) {
        return find(id).view();
    }

    private TrustedSender find(UUID id) {
        TrustedSender trusted = em.find(TrustedSender.class, id);
        if (trusted == null) {
            throw new NotFoundException();
        }
        return trusted;
    }

    private TrustedCertificate add(TrustedSender trusted, String pem, String field, Caller by) {
        if (trusted.certificates.size() >= MAX_CERTIFICATES) {
            throw ProblemException.invalid("/problems/invalid-request", field + ": too many certificates",
                    List.of(new FieldError(field, "a sender has at most " + MAX_CERTIFICATES
                            + " certificates; remove one first")));
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.trim().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw ProblemException.invalid("/problems/invalid-request", field + ": is not an X.509 certificate",
                    List.of(new FieldError(field, "must be one X.509 certificate in PEM"
                            + " (-----BEGIN CERTIFICATE----- ...)")));
        }
        try {
            String sha256 = Sha256.hex(certificate.getEncoded());
            if (trusted.certificates.stream().anyMatch(c -> c.sha256.equals(sha256))) {
                throw ProblemException.invalid("/problems/invalid-request", field + ": registered already",
                        List.of(new FieldError(field, "is registered for this sender already")));
            }
            TrustedCertificate added = new TrustedCertificate(trusted, certificate, sha256, clock.instant(), by.keyId());
            trusted.certificates.add(added);
            return added;
        } catch (CertificateException e) {
            throw new IllegalStateException("A parsed certificate cannot be encoded", e);
        }
    }
}
