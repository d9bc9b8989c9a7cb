package dev.airalert.alert;

import dev.airalert.alert.cap.CapAlert;
import dev.airalert.alert.cap.CapValidator;
import dev.airalert.alert.cap.FieldError;
import dev.airalert.region.RegionResolver;
import dev.airalert.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Publishing alerts. A publish is one transaction: validate everything first,
 * then store every alert of the request with its index rows and apply the lifecycle, so a
 * request is accepted whole or not at all.
 */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final RegionResolver regions;
    private final IngestMetrics metrics;
    private final Event<AlertStored> stored;
    private final Clock clock = Clock.systemUTC();

    AlertService(AlertRepository alerts, RegionResolver regions, IngestMetrics metrics,
            Event<AlertStored> stored) {
        this.alerts = alerts;
        this.regions = regions;
        this.metrics = metrics;
        this.stored = stored;
    }

    /** One stored alert and whether this request created it (false: an identical repeat). */
    public record Published(AlertView view, boolean created) {
    }

    public List<Published> publish(List<Submission> submissions, UUID publishedBy) {
        List<FieldError> errors = new ArrayList<>();
        for (Submission s : submissions) {
            errors.addAll(s.structureErrors());
            CapValidator.validate(s.alert()).forEach(e ->
                    errors.add(new FieldError(s.locate(e.field()), e.message())));
        }
        if (!errors.isEmpty()) {
            metrics.rejected("invalid-alert");
            throw ProblemException.invalid("/problems/invalid-alert",
                    "The alert is not valid CAP 1.2: " + errors.size() + " problem(s).", errors);
        }
        List<StoredForm> forms = submissions.stream()
                .map(s -> StoredForm.of(s, regions.resolve(s.alert()))).toList();
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(forms, publishedBy));
        } catch (PersistenceException e) {
            if (!isConstraintViolation(e)) {
                throw e;
            }
            // A concurrent request stored the same (sender, identifier) first: now that its
            // row is visible, the second attempt answers as a repeat or as a conflict.
            return QuarkusTransaction.requiringNew().call(() -> store(forms, publishedBy));
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private List<Published> store(List<StoredForm> forms, UUID publishedBy) {
        Instant now = clock.instant();
        List<Published> results = new ArrayList<>();
        for (StoredForm form : forms) {
            CapAlert cap = form.alert();
            var existing = alerts.findBySenderAndIdentifier(cap.sender(), cap.identifier());
            if (existing.isPresent()) {
                if (!existing.get().contentHash().equals(form.contentHash())) {
                    metrics.rejected("conflict");
                    throw new ProblemException(409, "/problems/conflict", "Conflict",
                            "An alert from sender '" + cap.sender() + "' with identifier '"
                                    + cap.identifier() + "' exists with different content;"
                                    + " CAP changes are new messages (msgType Update) with a new identifier.",
                            List.of(new FieldError("identifier", "already used for different content")));
                }
                results.add(new Published(AlertViews.of(existing.get(), null, now), false));
                continue;
            }
            Alert alert = new Alert(TimeOrderedUuid.next(), form, now, publishedBy);
            alerts.persist(alert);
            List<Alert> related = applyLifecycle(alert, form);
            AlertView view = AlertViews.of(alert, null, now);
            stored.fire(new AlertStored(view, related.stream().map(r -> AlertViews.of(r, null, now)).toList()));
            metrics.ingested(form.format());
            results.add(new Published(view, true));
        }
        alerts.flush();
        return results;
    }

    /**
     * Update/Cancel act on the alerts they reference; and an alert that arrives after a
     * message referencing it takes that message's effect at once. Only Actual messages
     * act: a Test or Exercise Cancel must not clear a real alert.
     */
    private List<Alert> applyLifecycle(Alert alert, StoredForm form) {
        List<Alert> referenced = new ArrayList<>();
        for (AlertReference ref : form.references()) {
            alerts.findBySenderAndIdentifier(ref.sender, ref.identifier).ifPresent(referenced::add);
        }
        if (alert.isActual() && alert.supersedes()) {
            referenced.forEach(target -> target.supersede(alert.msgType(), alert.id()));
        }
        for (Alert later : alerts.findReferencing(alert.sender(), alert.identifier())) {
            if (later.isActual() && !later.id().equals(alert.id())) {
                alert.supersede(later.msgType(), later.id());
            }
        }
        return referenced;
    }

}
