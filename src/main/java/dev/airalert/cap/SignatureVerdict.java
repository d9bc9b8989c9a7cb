package dev.airalert.cap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * What the signature of an alert proves. {@code certificate} is the SHA-256 fingerprint
 * (hex) and {@code subject} the subject of the certificate that verified it (only when
 * verified); {@code reason} says why it is not verified.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignatureVerdict(Verdict verdict, String certificate, String subject, String reason) {

    /** The four verdicts an alert can carry. */
    public enum Verdict {
        /** Signed, and the signature checks out with a certificate registered for its sender. */
        VERIFIED("verified"),
        /** No signature (JSON, or XML without one). */
        UNSIGNED("unsigned"),
        /** Signed, but it cannot be checked: no certificate registered, or an algorithm refused (SHA-1). */
        UNVERIFIABLE("unverifiable"),
        /** Signed, and the signature does not hold: content changed, wrong key, or certificate not valid. */
        INVALID("invalid");

        private final String code;

        Verdict(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }

        public static Verdict fromCode(String code) {
            return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst().orElseThrow();
        }
    }

    public static final SignatureVerdict NONE = new SignatureVerdict(Verdict.UNSIGNED, null, null, null);

    public static SignatureVerdict unverifiable(String reason) {
        return new SignatureVerdict(Verdict.UNVERIFIABLE, null, null, reason);
    }

    public static SignatureVerdict invalid(String reason) {
        return new SignatureVerdict(Verdict.INVALID, null, null, reason);
    }

    @JsonIgnore
    public boolean isVerified() {
        return verdict == Verdict.VERIFIED;
    }
}
