package dev.airalert.alert;

import dev.airalert.ColumnText;
import dev.airalert.cap.SignatureVerdict;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The signature verdict stored with an alert. */
@Embeddable
class AlertSignature {

    @Column(name = "signature_verdict", nullable = false)
    String verdict;

    @Column(name = "signature_certificate")
    String certificate;

    @Column(name = "signature_subject")
    String subject;

    @Column(name = "signature_reason")
    String reason;

    protected AlertSignature() {
    }

    AlertSignature(SignatureVerdict v) {
        this.verdict = v.verdict().code();
        this.certificate = v.certificate();
        this.subject = ColumnText.fit(v.subject(), 1000);
        this.reason = ColumnText.fit(v.reason(), 500);
    }

    SignatureVerdict verdict() {
        return verdict(verdict, certificate, subject, reason);
    }

    /** The verdict of these stored columns. */
    static SignatureVerdict verdict(String code, String certificate, String subject, String reason) {
        return new SignatureVerdict(SignatureVerdict.Verdict.fromCode(code), certificate, subject, reason);
    }

    boolean isVerified() {
        return SignatureVerdict.Verdict.VERIFIED.code().equals(verdict);
    }
}
