package dev.airalert.alert;

import dev.airalert.sender.Delegations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * Applies the alert's effects; returns the alerts it refers to that went out (those an
     * Update or Cancel also reaches the subscribers of).
     */
    List<Alert> apply(Alert alert, List<AlertReference> references, Instant now) {
        List<Alert> referenced = new ArrayList<>();
        for (AlertReference ref : references) {
            alerts.findBySenderAndIdentifier(ref.sender, ref.identifier)
                    .filter(ref::sentMatches)
                    .filter(target -> delegations.mayActFor(alert.sender(), target.sender()))
                    .ifPresent(target -> {
                        // Read afresh under a lock: an approval or another Cancel of it waits, or is seen.
                        alerts.lock(target);
                        referenced.add(target);
                    });
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
