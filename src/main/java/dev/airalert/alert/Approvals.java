package dev.airalert.alert;

import dev.airalert.Clocks;
import dev.airalert.security.AuditEvent;
import dev.airalert.security.Caller;
import dev.airalert.security.Roles;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Four eyes: an alert held by an approval rule goes out only when a key with the approver
 * role, held by someone other than whoever published it and allowed to approve for its
 * sender, approves it; or it is discarded (by such an approver, an admin, or the key that
 * published it). Either happens once: the alert is locked while it is decided.
 */
@ApplicationScoped
class Approvals {

    private final EntityManager em;
    private final AlertLifecycle lifecycle;
    private final AlertService service;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clocks.UTC;

    Approvals(EntityManager em, AlertLifecycle lifecycle, AlertService service,
            Event<AuditEvent> audit) {
        this.em = em;
        this.lifecycle = lifecycle;
        this.service = service;
        this.audit = audit;
    }

    @Transactional
    AlertView approve(UUID id, Caller approver) {
        Alert alert = pending(id, approver);
        mayApprove(alert, approver);
        if (alert.publishedBy() != null && alert.publishedBy().equals(approver.keyUuid())
                || sameHolder(alert.publishedByHolder, approver.holder())) {
            refuse(alert, approver, AuditEvent.ALERT_APPROVED, new FieldError("holder", "'" + approver.holder()
                    + "' published this alert; a second person must approve it"));
        }
        // Locked (and so read afresh) before anything is judged: a Cancel committing meanwhile waits, or is seen.
        Map<String, Alert> targets = lifecycle.targets(alert.references);
        if ("Update".equals(alert.msgType())) {
            for (AlertReference ref : alert.references) {
                Optional.ofNullable(targets.get(ref.target())).filter(ref::sentMatches)
                        .filter(target -> !AlertState.ACTIVE.code().equals(target.state)).ifPresent(target -> {
                            throw new ProblemException(409, "/problems/conflict", "Conflict", "The alert this Update"
                                    + " replaces was ended meanwhile: approving it would raise the alert again."
                                    + " Discard it, or publish a new alert.", List.of(new FieldError("references",
                                    "'" + ref + "' is " + target.stateAt(clock.instant()).code())));
                        });
            }
        }
        Instant now = clock.instant();
        alert.approve(approver, now, "Cancel".equals(alert.msgType()) ? AlertState.CANCELLED : AlertState.ACTIVE);
        service.goOut(alert, lifecycle.apply(alert, alert.references, targets, now), now);
        audit.fire(AuditEvent.accepted(AuditEvent.ALERT_APPROVED, approver, alert.sender(), alert.id(),
                "held since " + alert.receivedAt() + ", published by '" + alert.publishedByHolder + "'"));
        return AlertViews.of(alert, null, now, approver.isAdmin());
    }

    @Transactional
    AlertView discard(UUID id, Caller by) {
        Alert alert = pending(id, by);
        boolean own = alert.publishedBy() != null && alert.publishedBy().equals(by.keyUuid());
        if (!own && !by.isAdmin()) {
            mayApprove(alert, by);
        }
        Instant now = clock.instant();
        alert.discard(by, now);
        audit.fire(AuditEvent.accepted(AuditEvent.ALERT_DISCARDED, by, alert.sender(), alert.id(),
                "held since " + alert.receivedAt()));
        return AlertViews.of(alert, null, now, by.isAdmin());
    }

    /** Alerts waiting for approval that this reader may see, oldest first. */
    @Transactional
    List<AlertView> waiting(Caller reader) {
        Readers readers = new Readers(reader);
        Instant now = clock.instant();
        return em.createQuery("from Alert a where a.state = 'pending-approval' order by a.receivedAt", Alert.class)
                .setMaxResults(1000).getResultList().stream().filter(readers::mayRead)
                .map(a -> AlertViews.of(a, null, now, readers.seesPublisher())).toList();
    }

    private Alert pending(UUID id, Caller caller) {
        Alert alert = em.find(Alert.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (alert == null || !new Readers(caller).mayRead(alert)) {
            throw new NotFoundException();
        }
        if (!alert.isPending()) {
            throw new ProblemException(409, "/problems/conflict", "Conflict", "The alert is not waiting for approval;"
                    + " it is " + alert.stateAt(clock.instant()).code() + ".",
                    List.of(new FieldError("state", "is " + alert.stateAt(clock.instant()).code())));
        }
        return alert;
    }

    private void mayApprove(Alert alert, Caller caller) {
        if (!caller.has(Roles.APPROVER) || !caller.senders().allows(alert.sender())) {
            refuse(alert, caller, AuditEvent.ALERT_APPROVED, new FieldError("sender", "this key may not approve"
                    + " alerts of sender '" + alert.sender() + "'"));
        }
    }

    private void refuse(Alert alert, Caller caller, String action, FieldError error) {
        audit.fire(AuditEvent.refused(action, caller, alert.sender(), alert.id(), error.message()));
        throw ProblemException.forbidden("This key may not decide on this alert.", List.of(error));
    }

    private static boolean sameHolder(String a, String b) {
        return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
