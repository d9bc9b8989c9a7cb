package dev.airalert.alert;

import dev.airalert.cap.CapSignature;
import dev.airalert.cap.SignatureVerdict;
import dev.airalert.security.AuditEvent;
import dev.airalert.security.Caller;
import dev.airalert.sender.TrustedSenders;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signature verdict every alert gets, and the rule for trusted senders: their alerts
 * are accepted only as standalone CAP XML whose signature verifies with one of their
 * certificates; anything else from them (JSON, an EDXL-DE envelope, unsigned, unverifiable
 * or invalid) is refused with 403.
 */
@ApplicationScoped
class Signatures {

    private final TrustedSenders trusted;
    private final IngestMetrics metrics;
    private final Event<AuditEvent> audit;

    Signatures(TrustedSenders trusted, IngestMetrics metrics, Event<AuditEvent> audit) {
        this.trusted = trusted;
        this.metrics = metrics;
        this.audit = audit;
    }

    /**
     * The verdict, with the rule for trusted senders applied (see {@link #enforce}). Reads the
     * sender's certificates in the caller's transaction or a short one of its own.
     */
    SignatureVerdict judge(Submission s, Instant receivedAt, Caller caller) {
        SignatureVerdict verdict = verdict(s, receivedAt);
        enforce(s, verdict, caller);
        return verdict;
    }

    /**
     * The verdict alone. Only a signature to check needs the sender's certificates, read in the
     * caller's transaction or a short one of its own; the signature is checked outside any
     * transaction when called so, as a publish does. An unsigned document needs no database.
     */
    SignatureVerdict verdict(Submission s, Instant receivedAt) {
        if (!s.signed()) {
            return SignatureVerdict.NONE;
        }
        if (s.originalXml() == null) {
            return SignatureVerdict.unverifiable("a signature inside an EDXL-DE envelope is not checked;"
                    + " send the signed alert on its own");
        }
        List<X509Certificate> certificates = QuarkusTransaction.joiningExisting()
                .call(() -> trusted.certificatesOf(s.alert().sender())).orElse(List.of());
        return CapSignature.verify(s.originalXml(), s.charset(), certificates.stream().map(CapSignature.Registered::of).toList(),
                receivedAt);
    }

    /**
     * Refuses (403) an alert of a trusted sender whose verdict is not verified. Run in the
     * transaction that stores the alert, so that the trust it reads is the trust the alert is
     * stored under, at no extra transaction's cost.
     */
    void enforce(Submission s, SignatureVerdict verdict, Caller caller) {
        Optional<List<X509Certificate>> certificates = QuarkusTransaction.joiningExisting()
                .call(() -> trusted.certificatesOf(s.alert().sender()));
        if (certificates.isPresent() && !verdict.isVerified()) {
            String why = switch (s.format()) {
                case JSON -> "must be sent as signed CAP XML, not JSON";
                case EDXL -> "must be sent as a standalone signed CAP XML document, not inside an EDXL-DE envelope";
                case XML -> verdict.verdict() == SignatureVerdict.Verdict.UNSIGNED
                        ? "must carry an XML signature by one of the sender's registered certificates"
                        : "signature is " + verdict.verdict().code() + ": " + verdict.reason();
            };
            String detail = "Sender '" + s.alert().sender() + "' is a trusted sender: its alerts " + why + ".";
            metrics.rejected("signature");
            audit.fire(AuditEvent.refused(PublishRights.action(s.alert().msgType()), caller, s.alert().sender(),
                    null, detail));
            throw ProblemException.forbidden(detail, List.of(new FieldError(s.locate("Signature"), why)));
        }
    }
}
