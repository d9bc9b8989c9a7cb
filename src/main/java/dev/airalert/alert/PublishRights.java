package dev.airalert.alert;

import dev.airalert.region.AreaResolution;
import dev.airalert.region.Gazetteer;
import dev.airalert.security.AuditEvent;
import dev.airalert.security.Caller;
import dev.airalert.sender.Delegations;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a key may say what it sends: publish as this sender (its sender patterns), for
 * these places (its regions, if it is bound to any), and update or cancel the alerts it
 * references (its own sender's, or a sender it is delegated for, and only the alert with
 * the referenced {@code sent}). A refusal is a 403 (409 for a wrong {@code sent}) naming the
 * field, is counted and audited, and stores nothing.
 */
@ApplicationScoped
class PublishRights {

    private final Gazetteer gazetteer;
    private final Delegations delegations;
    private final AlertRepository alerts;
    private final IngestMetrics metrics;
    private final Event<AuditEvent> audit;

    PublishRights(Gazetteer gazetteer, Delegations delegations, AlertRepository alerts, IngestMetrics metrics,
            Event<AuditEvent> audit) {
        this.gazetteer = gazetteer;
        this.delegations = delegations;
        this.alerts = alerts;
        this.metrics = metrics;
        this.audit = audit;
    }

    /** Every alert of the request must be of a sender the key may publish as. */
    void senders(List<Submission> submissions, Caller caller) {
        for (Submission s : submissions) {
            if (!caller.senders().allows(s.alert().sender())) {
                refuse(caller, s, "This API key may not publish as sender '" + s.alert().sender() + "'.",
                        new FieldError(s.locate("sender"), "is not a sender this key may publish as ("
                                + caller.senders() + ")"));
            }
        }
    }

    /** A key bound to regions may alert only inside them; an area it cannot place is outside. */
    void regions(Submission s, StoredForm form, Caller caller) {
        Set<String> allowed = caller.regions();
        if (allowed.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        String msgType = s.alert().msgType();
        if (form.resolution().areas().isEmpty() && ("Alert".equals(msgType) || "Update".equals(msgType))) {
            errors.add(new FieldError(s.locate("info"), "must name the area it is for: this key may alert only in "
                    + allowed));
        }
        for (AreaResolution area : form.resolution().areas()) {
            List<String> outside = area.regions().stream().filter(code -> !within(code, allowed)).toList();
            String field = s.locate("info[" + area.info() + "].area[" + area.area() + "]");
            if (area.regions().isEmpty()) {
                errors.add(new FieldError(field, "cannot be placed in a region, and this key may alert only in "
                        + allowed));
            } else if (!outside.isEmpty()) {
                errors.add(new FieldError(field, "covers " + outside + ", outside the regions this key may alert ("
                        + allowed + ")"));
            }
        }
        if (!errors.isEmpty()) {
            refuse(caller, s, "This API key may alert only in " + allowed + ".", errors.toArray(FieldError[]::new));
        }
    }

    private boolean within(String code, Set<String> allowed) {
        return allowed.contains(code) || gazetteer.ancestors(code).stream().anyMatch(allowed::contains);
    }

    /**
     * An Update or Cancel may act only on alerts of its own sender or of a sender it is
     * delegated for, and only on the alert with the referenced {@code sent}: a reference to
     * an alert not received yet is kept (for its own or a delegating sender only) and takes
     * effect only if that alert has that {@code sent}. A key bound to regions may act only on
     * alerts inside them, so it may not refer to one it cannot see yet. Runs in the publish
     * transaction.
     */
    void references(Submission s, StoredForm form, Caller caller) {
        references(s, form, caller, form.references().isEmpty() ? Map.of() : alerts.lockReferenced(form.references()));
    }

    /** As above, with the referenced alerts already found (and locked) for the publish. */
    void references(Submission s, StoredForm form, Caller caller, Map<String, Alert> targets) {
        String msgType = s.alert().msgType();
        if (!"Update".equals(msgType) && !"Cancel".equals(msgType)) {
            return;
        }
        String sender = s.alert().sender();
        String field = s.locate("references");
        Set<String> actedFor = delegations.actedForBy(sender);
        for (AlertReference ref : form.references()) {
            if (!actedFor.contains(ref.sender)) {
                refuse(caller, s, "Sender '" + sender + "' may not update or cancel alerts of '" + ref.sender + "'.",
                        new FieldError(field, "'" + ref + "' is an alert of another sender,"
                                + " which '" + sender + "' may not update or cancel"));
            }
            Optional<Alert> target = Optional.ofNullable(targets.get(ref.target()));
            if (!caller.regions().isEmpty()) {
                List<String> outside = target.map(t -> t.regionCodes().stream()
                        .filter(code -> !within(code, caller.regions())).toList()).orElse(List.of());
                if (target.isEmpty() || target.get().regionCodes().isEmpty() || !outside.isEmpty()) {
                    refuse(caller, s, "This API key may act only on alerts inside " + caller.regions() + ".",
                            new FieldError(field, "'" + ref + "' is not an alert inside the regions of this key"));
                }
            }
            if (target.isPresent() && !ref.sentMatches(target.get())) {
                metrics.rejected("conflict");
                throw new ProblemException(409, "/problems/conflict", "Conflict",
                        "The referenced alert was sent at another time; nothing was changed.",
                        List.of(new FieldError(field, "'" + ref + "' does not name the alert with that identifier,"
                                + " which was sent at another time")));
            }
        }
    }

    private void refuse(Caller caller, Submission s, String detail, FieldError... errors) {
        metrics.rejected("forbidden");
        audit.fire(AuditEvent.refused(action(s.alert().msgType()), caller, s.alert().sender(), null,
                detail + " " + FieldError.describe(List.of(errors))));
        throw ProblemException.forbidden(detail, List.of(errors));
    }

    /** The audit action a message of this type stands for. */
    static String action(String msgType) {
        return switch (msgType == null ? "" : msgType) {
            case "Update" -> AuditEvent.ALERT_UPDATED;
            case "Cancel" -> AuditEvent.ALERT_CANCELLED;
            default -> AuditEvent.ALERT_PUBLISHED;
        };
    }
}
