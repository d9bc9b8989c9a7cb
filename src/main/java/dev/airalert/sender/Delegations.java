package dev.airalert.sender;

import dev.airalert.Clocks;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which senders' alerts a sender's Update and Cancel messages may act on, besides its own:
 * explicit delegations by an admin (a regional office ending its ministry's alert).
 */
@ApplicationScoped
public class Delegations {

    private final EntityManager em;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clocks.UTC;

    Delegations(EntityManager em, Event<AuditEvent> audit) {
        this.em = em;
        this.audit = audit;
    }

    /** Whether messages of {@code sender} may act on alerts of {@code target}; runs in the caller's transaction. */
    /** Every sender this one may act for, itself included: one query for all of a message's references. */
    public Set<String> actedForBy(String sender) {
        Set<String> senders = new HashSet<>(em.createQuery(
                "select d.actsFor from SenderDelegation d where d.sender = ?1", String.class)
                .setParameter(1, sender).getResultList());
        senders.add(sender);
        return senders;
    }

    public boolean mayActFor(String sender, String target) {
        return sender.equals(target) || !em.createQuery(
                "select d.id from SenderDelegation d where d.sender = ?1 and d.actsFor = ?2", UUID.class)
                .setParameter(1, sender).setParameter(2, target).setMaxResults(1).getResultList().isEmpty();
    }

    @Transactional
    public DelegationView delegate(SenderRequests.Delegate request, Caller by) {
        String sender = request.sender().trim();
        String actsFor = request.actsFor().trim();
        if (sender.equals(actsFor) || mayActFor(sender, actsFor)) {
            throw new ProblemException(409, "/problems/conflict", "Conflict",
                    "Sender '" + sender + "' may already act for '" + actsFor + "'.",
                    List.of(new FieldError("actsFor", "is already covered")));
        }
        SenderDelegation delegation = new SenderDelegation(sender, actsFor, clock.instant(), by.keyId());
        em.persist(delegation);
        audit.fire(AuditEvent.accepted(AuditEvent.DELEGATION_ADDED, by, sender, null, "acts for " + actsFor));
        return delegation.view();
    }

    @Transactional
    public void remove(UUID id, Caller by) {
        SenderDelegation delegation = em.find(SenderDelegation.class, id);
        if (delegation == null) {
            throw new NotFoundException();
        }
        em.remove(delegation);
        audit.fire(AuditEvent.accepted(AuditEvent.DELEGATION_REMOVED, by, delegation.sender, null,
                "no longer acts for " + delegation.actsFor));
    }

    @Transactional
    public List<DelegationView> list() {
        return em.createQuery("from SenderDelegation d order by d.sender, d.actsFor", SenderDelegation.class)
                .getResultList().stream().map(SenderDelegation::view).toList();
    }
}
