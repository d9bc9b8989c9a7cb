package dev.airalert.alert;

import dev.airalert.security.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/** Four eyes on one alert: the rule that held it, and the decision (approved or discarded), by whom and when. */
@Embeddable
class AlertApproval {

    static final String APPROVED = "approved";
    static final String DISCARDED = "discarded";

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

    void decide(String what, Caller by, Instant at) {
        decision = what;
        decidedAt = at;
        decidedBy = by.keyId();
        decidedByHolder = by.holder();
    }
}
