package dev.airalert.security;

import java.util.UUID;

/**
 * Something the audit trail must keep: what was done or refused, by whom (key, holder,
 * client address), for which sender and alert. Fired as a CDI event by whoever acts; an
 * accepted act is written in the act's own transaction (so it is recorded exactly when it
 * happened), a refusal in a transaction of its own (the act's is rolled back).
 */
public record AuditEvent(String action, Outcome outcome, Caller caller, String sender, UUID alertId, String detail) {

    public static final String ALERT_PUBLISHED = "alert.published";
    public static final String ALERT_UPDATED = "alert.updated";
    public static final String ALERT_CANCELLED = "alert.cancelled";
    public static final String ALERT_HELD = "alert.held-for-approval";
    public static final String ALERT_APPROVED = "alert.approved";
    public static final String ALERT_DISCARDED = "alert.discarded";
    public static final String ALERT_CANCEL_PREPARED = "alert.cancel-prepared";
    public static final String ACCESS = "access";
    public static final String KEY_CREATED = "key.created";
    public static final String KEY_UPDATED = "key.updated";
    public static final String KEY_REVOKED = "key.revoked";
    public static final String SENDER_TRUSTED = "sender.trusted";
    public static final String SENDER_UNTRUSTED = "sender.untrusted";
    public static final String CERTIFICATE_ADDED = "sender.certificate-added";
    public static final String CERTIFICATE_REMOVED = "sender.certificate-removed";
    public static final String DELEGATION_ADDED = "sender.delegation-added";
    public static final String DELEGATION_REMOVED = "sender.delegation-removed";
    public static final String APPROVAL_RULE_ADDED = "approval-rule.added";
    public static final String APPROVAL_RULE_REMOVED = "approval-rule.removed";
    public static final String FEED_ADDED = "feed.added";
    public static final String FEED_CHANGED = "feed.changed";
    public static final String FEED_REMOVED = "feed.removed";

    /** What became of the act. */
    public enum Outcome {
        ACCEPTED("accepted"),
        REFUSED("refused");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public static AuditEvent accepted(String action, Caller caller, String sender, UUID alertId, String detail) {
        return new AuditEvent(action, Outcome.ACCEPTED, caller, sender, alertId, detail);
    }

    public static AuditEvent refused(String action, Caller caller, String sender, UUID alertId, String detail) {
        return new AuditEvent(action, Outcome.REFUSED, caller, sender, alertId, detail);
    }
}
