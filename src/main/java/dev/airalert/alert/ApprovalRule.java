package dev.airalert.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Four eyes, per publisher key or per sender: Actual alerts of these message types and
 * severities (none listed: any) wait for a second person's approval.
 */
@Entity
@Table(name = "approval_rule")
class ApprovalRule {

    @Id
    UUID id;

    @Column(name = "key_id")
    UUID keyId;

    String sender;

    /** Comma-separated CAP severities; empty: any. */
    @Column(nullable = false)
    String severities;

    /** Comma-separated CAP message types. */
    @Column(name = "msg_types", nullable = false)
    String msgTypes;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false)
    String createdBy;

    protected ApprovalRule() {
    }

    ApprovalRule(UUID keyId, String sender, List<String> severities, List<String> msgTypes, Instant now, String by) {
        this.id = UUID.randomUUID();
        this.keyId = keyId;
        this.sender = sender;
        this.severities = String.join(",", severities);
        this.msgTypes = String.join(",", msgTypes);
        this.createdAt = now;
        this.createdBy = by;
    }

    List<String> severityList() {
        return severities.isBlank() ? List.of() : Arrays.asList(severities.split(","));
    }

    List<String> msgTypeList() {
        return Arrays.asList(msgTypes.split(","));
    }

    ApprovalRuleView view() {
        return new ApprovalRuleView(id, keyId, sender, severityList(), msgTypeList(), createdAt, createdBy);
    }
}
