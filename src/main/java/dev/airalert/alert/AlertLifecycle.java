package dev.airalert.alert;

import dev.airalert.sender.Delegations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an alert that goes out does to others, and others to it: an Update or Cancel acts
 * on the alerts it references (of its own sender or one it is delegated for, with the
 * referenced {@code sent}); an alert that arrives after a message referencing it takes that
 * message's effect at once, under the same rules. Only Actual messages act: a Test or
 * Exercise Cancel must not clear a real alert.
 */
@ApplicationScoped
class AlertLifecycle {

    private final AlertRepository alerts;
    private final Delegations delegations;

    AlertLifecycle(AlertRepository alerts, Delegations delegations) {
        this.alerts = alerts;
        this.delegations = delegations;
    }

    /** The alerts the references name that exist, locked for this transaction (see {@link AlertRepository#lockReferenced}). */
    Map<String, Alert> targets(List<AlertReference> references) {
        return references.isEmpty() ? Map.of() : alerts.lockReferenced(references);
    }

    /**
     * Applies the alert's effects; returns the alerts it refers to that went out (those an
     * Update or Cancel also reaches the subscribers of). {@code targets} are what
     * {@link #targets} found for its references.
     */
    List<Alert> apply(Alert alert, List<AlertReference> references, Map<String, Alert> targets, Instant now) {
        Set<String> actedFor = references.isEmpty() ? Set.of() : delegations.actedForBy(alert.sender());
        Set<Alert> referenced = new LinkedHashSet<>();
        for (AlertReference ref : references) {
            Alert target = targets.get(ref.target());
            if (target != null && ref.sentMatches(target) && actedFor.contains(target.sender())) {
                referenced.add(target);
            }
        }
        List<Alert> wentOut = referenced.stream().filter(a -> !a.isHeld()).toList();
        if (alert.isActual() && alert.supersedes()) {
            referenced.forEach(target -> target.supersede(alert.msgType(), alert.id()));
        }
        for (Alert later : alerts.findReferencing(alert.sender(), alert.identifier())) {
            boolean names = later.references.stream().anyMatch(r -> r.names(alert));
            if (later.isActual() && !later.id().equals(alert.id()) && names
                    && delegations.mayActFor(later.sender(), alert.sender())) {
                alert.supersede(later.msgType(), later.id());
            }
        }
        return wentOut;
    }
}
