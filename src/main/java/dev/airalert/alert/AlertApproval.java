package dev.airalert.alert;

import dev.airalert.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Four eyes on one alert: the rule that held it, and the decision (approved or discarded), by whom and when. */
@Embeddable
class AlertApproval {

    /** What the approver decided; stored as {@code approved} or {@code discarded}. */
    enum Decision {
        APPROVED,
        DISCARDED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Column(name = "approval_rule")
    UUID rule;

    @Column(name = "decision")
    String decision;

    @Column(name = "decided_at")
    Instant decidedAt;

    @Column(name = "decided_by")
    String decidedBy;

    @Column(name = "decided_by_holder")
    String decidedByHolder;

    protected AlertApproval() {
    }

    AlertApproval(UUID rule) {
        this.rule = rule;
    }

    /** As stored: null when no rule held the alert. */
    static AlertApproval stored(UUID rule, String decision, Instant decidedAt, String decidedBy, String decidedByHolder) {
        if (rule == null) {
            return null;
        }
        AlertApproval a = new AlertApproval(rule);
        a.decision = decision;
        a.decidedAt = decidedAt;
        a.decidedBy = decidedBy;
        a.decidedByHolder = decidedByHolder;
        return a;
    }

    void decide(Decision what, Caller by, Instant at) {
        decision = what.code();
        decidedAt = at;
        decidedBy = by.keyId();
        decidedByHolder = by.holder();
    }
}
