package dev.airalert.alert;

import dev.airalert.Clocks;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapLimits;
import dev.airalert.region.Resolution;
import dev.airalert.security.AuditEvent;
import dev.airalert.security.Caller;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pre-scripted cancellations, as the FCC asked for after the 2018 Hawaii false alert: a
 * Cancel for an alert is prepared (and, for a trusted sender, signed) while there is time,
 * checked when it is stored, kept as the exact bytes sent, and published later with one
 * call, through the same checks as any publish (so a key that may not publish it cannot
 * send it). It needs no approval unless an approval rule lists Cancel.
 */
@ApplicationScoped
class PreparedCancels {

    private final EntityManager em;
    private final AlertDocumentReader reader;
    private final AlertService service;
    private final PublishRights rights;
    private final Signatures signatures;
    private final Event<AuditEvent> audit;
    private final CapLimits limits;
    private final Clock clock = Clocks.UTC;

    PreparedCancels(EntityManager em, AlertDocumentReader reader, AlertService service, PublishRights rights,
            Signatures signatures, Event<AuditEvent> audit, CapLimits limits) {
        this.em = em;
        this.limits = limits;
        this.reader = reader;
        this.service = service;
        this.rights = rights;
        this.signatures = signatures;
        this.audit = audit;
    }

    /** Keeps the Cancel for the alert, replacing one prepared before; refuses one that could not be sent. */
    PreparedCancelView prepare(UUID alertId, MediaType type, byte[] body, Caller caller) {
        if (type == null || type.toString().length() > 100) {
            throw ProblemException.invalidField("Content-Type", "must be a CAP XML or JSON media type of at most 100"
                    + " characters");
        }
        List<Submission> submissions = reader.read(type, body);
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(alertId, type, body, submissions, caller));
        } catch (PersistenceException e) {
            throw new ProblemException(409, "/problems/conflict", "Conflict",
                    "Another Cancel was prepared for this alert at the same moment; read it, then try again.");
        }
    }

    private PreparedCancelView store(UUID alertId, MediaType type, byte[] body, List<Submission> submissions,
            Caller caller) {
        Alert alert = readable(alertId, caller);
        Submission cancel = check(alert, submissions, caller);
        Instant now = clock.instant();
        PreparedCancel prepared = em.find(PreparedCancel.class, alertId, LockModeType.PESSIMISTIC_WRITE);
        if (prepared != null) {
            // The Cancel someone prepared is theirs to replace (or an admin's): never silently another key's.
            if (!prepared.storedBy.equals(caller.keyId()) && !caller.isAdmin()) {
                throw new ProblemException(409, "/problems/conflict", "Conflict", "Key " + prepared.storedBy
                        + " prepared this alert's Cancel; only that key or an admin may replace it.",
                        List.of(new FieldError("body", "a Cancel by another key is prepared already")));
            }
            em.remove(prepared);
            em.flush();
        }
        prepared = new PreparedCancel(alertId, type.toString(), body, now, caller.keyId());
        em.persist(prepared);
        audit.fire(AuditEvent.accepted(AuditEvent.ALERT_CANCEL_PREPARED, caller, cancel.alert().sender(), alertId,
                "Cancel " + cancel.alert().identifier() + " prepared"));
        return view(prepared, cancel.alert());
    }

    /** The prepared Cancel, exactly as it was sent: for admins and keys that may publish as its sender. */
    PreparedCancel find(UUID alertId, Caller caller) {
        PreparedCancel prepared = QuarkusTransaction.requiringNew().call(() -> {
            readable(alertId, caller);
            return Optional.ofNullable(em.find(PreparedCancel.class, alertId)).orElseThrow(NotFoundException::new);
        });
        String sender = reader.read(MediaType.valueOf(prepared.contentType), prepared.body).get(0).alert().sender();
        if (!caller.isAdmin() && !caller.senders().allows(sender)) {
            throw new NotFoundException();
        }
        return prepared;
    }

    /** Publishes the prepared Cancel as this caller: the same checks and effects as {@code POST /alerts}. */
    List<AlertService.Published> send(UUID alertId, Caller caller) {
        PreparedCancel prepared = find(alertId, caller);
        String state = QuarkusTransaction.requiringNew().call(() -> em.find(Alert.class, alertId).state);
        if (AlertState.UPDATED.code().equals(state)) {
            // Its Update would stay in force: the all-clear must end what is in force now.
            throw new ProblemException(409, "/problems/conflict", "Conflict", "The alert was updated since this Cancel"
                    + " was prepared; cancel its latest Update instead (see replacedBy).",
                    List.of(new FieldError("references", "names an alert that has been updated")));
        }
        MediaType type = MediaType.valueOf(prepared.contentType);
        return service.publish(reader.read(type, prepared.body), caller);
    }

    private Alert readable(UUID alertId, Caller caller) {
        Alert alert = em.find(Alert.class, alertId);
        if (alert == null || !new Readers(caller).mayRead(alert)) {
            throw new NotFoundException();
        }
        return alert;
    }

    /** One valid Cancel of a sender this key may publish as, that ends this alert and may be sent by it. */
    private Submission check(Alert alert, List<Submission> submissions, Caller caller) {
        if (submissions.size() != 1) {
            throw ProblemException.invalid("/problems/invalid-alert", "A prepared Cancel is one CAP alert.",
                    List.of(new FieldError("body", "must be one CAP alert, not an envelope of several")));
        }
        Submission s = submissions.get(0);
        List<FieldError> errors = s.problems(limits);
        CapAlert cap = s.alert();
        if (errors.isEmpty() && !"Cancel".equals(cap.msgType())) {
            errors.add(new FieldError("msgType", "must be Cancel"));
        }
        if (errors.isEmpty() && !"Actual".equals(cap.status())) {
            errors.add(new FieldError("status", "must be Actual: a " + cap.status() + " Cancel ends nothing"));
        }
        StoredForm form = errors.isEmpty() ? StoredForm.of(s, new Resolution(Map.of(), List.of(), List.of())) : null;
        if (form != null && form.references().stream().noneMatch(r -> r.names(alert))) {
            errors.add(new FieldError("references", "must name this alert: " + alert.sender() + ","
                    + alert.identifier() + ",<its sent>"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-alert", "This is not a Cancel of that alert.", errors);
        }
        rights.senders(submissions, caller);
        rights.references(s, form, caller);
        signatures.judge(s, clock.instant(), caller);
        return s;
    }

    private static PreparedCancelView view(PreparedCancel prepared, CapAlert cap) {
        return new PreparedCancelView(prepared.alertId, cap.sender(), cap.identifier(), cap.sent(),
                prepared.contentType, prepared.storedAt, prepared.storedBy);
    }
}
