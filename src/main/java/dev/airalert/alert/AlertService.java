package dev.airalert.alert;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.Deadline;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapLimits;
import dev.airalert.cap.SignatureVerdict;
import dev.airalert.region.RegionResolver;
import dev.airalert.security.AuditEvent;
import dev.airalert.security.Caller;
import dev.airalert.security.RateLimits;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Publishing alerts. A publish is one transaction: check the key's allowance, validate
 * everything, check the key may speak for each alert's sender and places, then store every
 * alert of the request with its signature verdict and index rows and apply the lifecycle, so
 * a request is accepted whole or not at all. An alert an approval rule holds is stored but
 * does nothing and goes nowhere until a second person approves it.
 */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final RegionResolver regions;
    private final IngestMetrics metrics;
    private final PublishRights rights;
    private final Signatures signatures;
    private final ApprovalRules approvals;
    private final AlertLifecycle lifecycle;
    private final RateLimits limits;
    private final CapLimits capLimits;
    private final AirAlertConfig config;
    private final Event<AlertStored> stored;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clocks.UTC;

    AlertService(AlertRepository alerts, RegionResolver regions, IngestMetrics metrics, PublishRights rights,
            Signatures signatures, ApprovalRules approvals, AlertLifecycle lifecycle, RateLimits limits,
            Event<AlertStored> stored, Event<AuditEvent> audit, CapLimits capLimits, AirAlertConfig config) {
        this.alerts = alerts;
        this.config = config;
        this.capLimits = capLimits;
        this.regions = regions;
        this.metrics = metrics;
        this.rights = rights;
        this.signatures = signatures;
        this.approvals = approvals;
        this.lifecycle = lifecycle;
        this.limits = limits;
        this.stored = stored;
        this.audit = audit;
    }

    /**
     * One stored alert, whether this request created it (false: an identical repeat), and whether it
     * came in an EDXL-DE envelope (answered as a list, however many the envelope held).
     */
    public record Published(AlertView view, boolean created, boolean enveloped) {
    }

    public List<Published> publish(List<Submission> submissions, Caller caller) {
        Deadline deadline = Deadline.in(config.ingest().deadline());
        limits.publishing(caller, submissions.size());
        List<FieldError> errors = new ArrayList<>();
        for (Submission s : submissions) {
            errors.addAll(s.problems(capLimits));
        }
        if (!errors.isEmpty()) {
            metrics.rejected("invalid-alert");
            throw ProblemException.invalid("/problems/invalid-alert",
                    "The alert is not valid CAP: " + errors.size() + " problem(s).", errors);
        }
        rights.senders(submissions, caller);
        Instant receivedAt = clock.instant();
        List<StoredForm> forms = new ArrayList<>();
        List<SignatureVerdict> verdicts = new ArrayList<>();
        for (Submission s : submissions) {
            StoredForm form = StoredForm.of(s, regions.resolve(s.alert(), deadline));
            rights.regions(s, form, caller);
            forms.add(form);
            // Checked before the transaction opens: a signature check holds no connection. Whether
            // the sender had to sign is checked in the transaction that stores the alert.
            verdicts.add(signatures.verdict(s, receivedAt));
        }
        try {
            return storeWithin(deadline, submissions, forms, verdicts, caller);
        } catch (PersistenceException e) {
            if (!isConstraintViolation(e)) {
                throw e;
            }
            // A concurrent request stored the same (sender, identifier) first: now that its
            // row is visible, the second attempt answers as a repeat or as a conflict.
            return storeWithin(deadline, submissions, forms, verdicts, caller);
        }
    }

    /**
     * One transaction that gives up by the deadline: checked before each alert it stores, so a
     * request past it rolls back by itself. (Not a transaction timeout: the transaction
     * manager's reaper would interrupt the thread, which the embedded store must never see.)
     */
    private List<Published> storeWithin(Deadline deadline, List<Submission> submissions, List<StoredForm> forms,
            List<SignatureVerdict> verdicts, Caller caller) {
        deadline.check();
        return QuarkusTransaction.requiringNew().call(() -> store(submissions, forms, verdicts, caller, deadline));
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private List<Published> store(List<Submission> submissions, List<StoredForm> forms,
            List<SignatureVerdict> verdicts, Caller caller, Deadline deadline) {
        Instant now = clock.instant();
        List<Published> results = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            deadline.check();
            Submission submission = submissions.get(i);
            StoredForm form = forms.get(i);
            signatures.enforce(submission, verdicts.get(i), caller);
            Map<String, Alert> targets = lifecycle.targets(form.references());
            rights.references(submission, form, caller, targets);
            results.add(store(submission, form, verdicts.get(i), caller, targets, now));
        }
        alerts.flush();
        return results;
    }

    /**
     * (sender, identifier) is held by the first copy stored, with one exception: a copy
     * whose signature is verified takes it from a copy that is not (an unsigned or badly
     * signed copy posted first never shadows the genuine one). The same content just gains
     * the verdict and the signed bytes; other content moves the old copy aside (displaced,
     * {@code replacedBy} the verified one), which then goes out as its successor.
     */
    private Published store(Submission submission, StoredForm form, SignatureVerdict verdict, Caller caller,
            Map<String, Alert> targets, Instant now) {
        CapAlert cap = form.alert();
        boolean enveloped = submission.format() == SourceFormat.EDXL;
        Optional<Alert> existing = alerts.findBySenderAndIdentifier(cap.sender(), cap.identifier());
        Alert displaced = null;
        if (existing.isPresent()) {
            Alert held = existing.get();
            boolean same = held.contentHash().equals(form.contentHash());
            if (verdict.isVerified() && !held.isVerified()) {
                if (same) {
                    held.verifiedBy(verdict, submission.originalXml(), submission.charset(),
                            submission.version());
                    record(AuditEvent.accepted(PublishRights.action(cap.msgType()), caller, cap.sender(), held.id(),
                            "identical copy with a verified signature; the alert is now verified"));
                    return new Published(AlertViews.of(held, null, now), false, enveloped);
                }
                displaced = held;
            } else if (same) {
                record(AuditEvent.accepted(PublishRights.action(cap.msgType()), caller, cap.sender(), held.id(),
                        "identical repeat"));
                return new Published(AlertViews.of(held, null, now), false, enveloped);
            } else {
                metrics.rejected("conflict");
                throw new ProblemException(409, "/problems/conflict", "Conflict",
                        "An alert from sender '" + cap.sender() + "' with identifier '" + cap.identifier()
                                + "' exists with different content; CAP changes are new messages (msgType Update)"
                                + " with a new identifier.",
                        List.of(new FieldError(submission.locate("identifier"), "already used for different content")));
            }
        }
        Alert alert = new Alert(TimeOrderedUuid.next(), form, now, caller, verdict);
        if (displaced != null) {
            displaced.displacedBy(alert.id(), alerts.nextCopyNo(cap.sender(), cap.identifier()));
            alerts.flush(); // the pair must be free before the verified copy takes it
        }
        Optional<UUID> rule = approvals.ruleFor(caller, cap);
        if (rule.isPresent()) {
            alert.hold(rule.get());
            alerts.persist(alert);
            record(AuditEvent.accepted(AuditEvent.ALERT_HELD, caller, cap.sender(), alert.id(),
                    "waits for a second person's approval (rule " + rule.get() + ")"));
            metrics.ingested(form.format());
            return new Published(AlertViews.of(alert, null, now), true, enveloped);
        }
        alerts.persist(alert);
        List<Alert> related = new ArrayList<>();
        if (displaced != null) {
            related.add(displaced);
        }
        related.addAll(lifecycle.apply(alert, form.references(), targets, now));
        goOut(alert, related, now);
        record(AuditEvent.accepted(PublishRights.action(cap.msgType()), caller, cap.sender(), alert.id(),
                displaced == null ? "signature " + verdict.verdict().code()
                        : "verified copy displacing alert " + displaced.id()));
        metrics.ingested(form.format());
        return new Published(AlertViews.of(alert, null, now), true, enveloped);
    }

    /** The alert's event goes to every channel: written in this transaction, delivered after it commits. */
    void goOut(Alert alert, List<Alert> related, Instant now) {
        stored.fire(new AlertStored(AlertViews.of(alert, null, now), related.stream().map(Alert::id).toList(),
                alert.audience()));
    }

    private void record(AuditEvent event) {
        audit.fire(event);
    }
}
