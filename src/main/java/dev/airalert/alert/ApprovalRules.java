package dev.airalert.alert;

import dev.airalert.Clocks;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapEnums;
import dev.airalert.cap.CapInfo;
import dev.airalert.security.ApiKeyService;
import dev.airalert.security.AuditEvent;
import dev.airalert.security.Caller;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which alerts wait for a second person: rules per publisher key or per sender, set by
 * admins. A rule applies to Actual alerts of its message types (default Alert and Update)
 * with an info of its severities (none listed: any).
 */
@ApplicationScoped
class ApprovalRules {

    static final List<String> DEFAULT_MSG_TYPES = List.of("Alert", "Update");
    private static final List<String> MSG_TYPES = List.of("Alert", "Update", "Cancel");

    private final EntityManager em;
    private final ApiKeyService keys;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clocks.UTC;

    ApprovalRules(EntityManager em, ApiKeyService keys, Event<AuditEvent> audit) {
        this.em = em;
        this.keys = keys;
        this.audit = audit;
    }

    /** The rule that holds this alert for approval, if any; runs in the publish transaction. */
    Optional<UUID> ruleFor(Caller publisher, CapAlert alert) {
        if (!"Actual".equals(alert.status())) {
            return Optional.empty();
        }
        return em.createQuery("from ApprovalRule r where r.keyId = ?1 or r.sender = ?2 order by r.createdAt",
                        ApprovalRule.class)
                .setParameter(1, publisher.keyUuid()).setParameter(2, alert.sender()).getResultList().stream()
                .filter(r -> r.msgTypeList().contains(alert.msgType()))
                .filter(r -> r.severityList().isEmpty()
                        || alert.info().stream().map(CapInfo::severity).anyMatch(r.severityList()::contains))
                .map(r -> r.id).findFirst();
    }

    @Transactional
    public ApprovalRuleView add(ApprovalRuleView.Request request, Caller by) {
        List<FieldError> errors = new ArrayList<>();
        boolean forKey = request.keyId() != null;
        boolean forSender = request.sender() != null && !request.sender().isBlank();
        if (forKey == forSender) {
            errors.add(new FieldError(forKey ? "sender" : "keyId", "give either keyId or sender, not both or neither"));
        }
        if (forKey && keys.get(request.keyId()).isEmpty()) {
            errors.add(new FieldError("keyId", "is not a key"));
        }
        List<String> severities = request.severities() == null ? List.of() : request.severities();
        List<String> msgTypes = request.msgTypes() == null || request.msgTypes().isEmpty() ? DEFAULT_MSG_TYPES
                : request.msgTypes();
        for (int i = 0; i < severities.size(); i++) {
            if (!CapEnums.SEVERITY.contains(severities.get(i))) {
                errors.add(new FieldError("severities[" + i + "]", CapEnums.oneOf(CapEnums.SEVERITY)));
            }
        }
        for (int i = 0; i < msgTypes.size(); i++) {
            if (!MSG_TYPES.contains(msgTypes.get(i))) {
                errors.add(new FieldError("msgTypes[" + i + "]", CapEnums.oneOf(MSG_TYPES)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-request",
                    "The approval rule has " + errors.size() + " invalid field(s).", errors);
        }
        ApprovalRule rule = new ApprovalRule(request.keyId(), forSender ? request.sender().trim() : null,
                severities, msgTypes, clock.instant(), by.keyId());
        em.persist(rule);
        audit.fire(AuditEvent.accepted(AuditEvent.APPROVAL_RULE_ADDED, by, rule.sender, null, describe(rule)));
        return rule.view();
    }

    @Transactional
    public List<ApprovalRuleView> list() {
        return em.createQuery("from ApprovalRule r order by r.createdAt", ApprovalRule.class).getResultList()
                .stream().map(ApprovalRule::view).toList();
    }

    @Transactional
    public void remove(UUID id, Caller by) {
        ApprovalRule rule = em.find(ApprovalRule.class, id);
        if (rule == null) {
            throw new NotFoundException();
        }
        em.remove(rule);
        audit.fire(AuditEvent.accepted(AuditEvent.APPROVAL_RULE_REMOVED, by, rule.sender, null, describe(rule)));
    }

    private static String describe(ApprovalRule rule) {
        return "rule " + rule.id + (rule.keyId != null ? " for key " + rule.keyId : " for sender " + rule.sender)
                + ": " + rule.msgTypes + " of severities " + (rule.severities.isBlank() ? "any" : rule.severities);
    }
}
