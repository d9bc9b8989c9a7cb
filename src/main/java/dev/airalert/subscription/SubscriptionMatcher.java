package dev.airalert.subscription;

import dev.airalert.alert.AlertView;
import dev.airalert.cap.CapArea;
import dev.airalert.cap.CapEnums;
import dev.airalert.cap.CapInfo;
import dev.airalert.region.CapShapes;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.RegionResolver;
import dev.airalert.security.ApiKeyService;
import dev.airalert.security.Audience;
import dev.airalert.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;

/**
 * Which subscriptions an alert event concerns. Candidates come from the region index (the
 * alert's regions with their parents and children); filters then run on each. An Update or
 * Cancel also reaches whoever the alerts it refers to reached, so an all-clear without an
 * area of its own still arrives where the alert did.
 */
@ApplicationScoped
public class SubscriptionMatcher {

    private final SubscriptionRepository subscriptions;
    private final RegionResolver resolver;
    private final Gazetteer gazetteer;
    private final ApiKeyService keys;

    SubscriptionMatcher(SubscriptionRepository subscriptions, RegionResolver resolver, Gazetteer gazetteer,
            ApiKeyService keys) {
        this.subscriptions = subscriptions;
        this.resolver = resolver;
        this.gazetteer = gazetteer;
        this.keys = keys;
    }

    /**
     * The candidates of an event over these regions: the subscriptions following one of them,
     * a region inside one or a region one lies in (from the region index). Most events of a
     * quiet place have none, and then the alert need not be read at all. Run inside a transaction.
     */
    public List<SubscriptionRepository.Target> inRegions(Collection<String> regions, Instant now) {
        Set<String> codes = new HashSet<>();
        regions.forEach(r -> codes.addAll(resolver.withRelatives(r)));
        return codes.isEmpty() ? List.of() : subscriptions.findTargetsInRegions(codes, now);
    }

    /**
     * Of the candidates ({@link #inRegions} of the alert's regions and of those of the alerts it
     * refers to), the subscriptions the event goes to, enabled or not: for a restricted alert
     * only those whose key may read it ({@link Audience}), and never one in another service's
     * format (those carry what that service shows: public alerts). The alerts an Update or
     * Cancel refers to are given by id, and read one at a time, only while some candidate is
     * still undecided: a Cancel may refer to thousands of alerts of a megabyte each. Run inside
     * a transaction.
     */
    public List<SubscriptionRepository.Target> matching(AlertView alert, List<SubscriptionRepository.Target> inRegions,
            List<UUID> related, Function<UUID, Optional<AlertView>> read, Audience audience) {
        Map<String, Boolean> entitled = new HashMap<>();
        List<SubscriptionRepository.Target> candidates = inRegions.stream()
                .filter(s -> audience.isPublic() || s.format() == WebhookFormat.STANDARD
                        && entitled.computeIfAbsent(s.owner(), owner -> ownerMayRead(owner, audience)))
                .toList();
        // By identity: a target's hash would hash its whole filter, for every candidate of every event.
        Set<SubscriptionRepository.Target> accepted = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SubscriptionRepository.Target> undecided = new ArrayList<>();
        for (SubscriptionRepository.Target s : candidates) {
            (accepts(s.filter(), alert) ? accepted : undecided).add(s);
        }
        for (Iterator<UUID> ids = related.iterator(); ids.hasNext() && !undecided.isEmpty();) {
            read.apply(ids.next()).ifPresent(view -> undecided.removeIf(s -> accepts(s.filter(), view) && accepted.add(s)));
        }
        return candidates.stream().filter(accepted::contains).toList();
    }

    private boolean ownerMayRead(String owner, Audience audience) {
        if (Caller.CONFIGURED_ADMIN.equals(owner)) {
            return true;
        }
        try {
            return keys.callerOf(UUID.fromString(owner)).map(audience::admits).orElse(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean accepts(SubscriptionFilter f, AlertView alert) {
        if (!f.statuses().isEmpty() && !f.statuses().contains(alert.alert().status())) {
            return false;
        }
        if (!f.threats().isEmpty() && (alert.threat() == null || !f.threats().contains(alert.threat().type()))) {
            return false;
        }
        if (!f.levels().isEmpty() && (alert.threat() == null || alert.threat().level() == null
                || !f.levels().contains(alert.threat().level()))) {
            return false;
        }
        boolean infoFilters = !f.events().isEmpty() || f.minSeverityRank() != null
                || !f.urgencies().isEmpty() || !f.certainties().isEmpty();
        if (infoFilters && alert.alert().info().stream().noneMatch(i -> accepts(f, i))) {
            return false;
        }
        return f.point() == null || touchesCircle(f, alert);
    }

    private static boolean accepts(SubscriptionFilter f, CapInfo info) {
        return (f.events().isEmpty() || f.events().contains(info.event().toLowerCase(Locale.ROOT)))
                && (f.minSeverityRank() == null || CapEnums.severityRank(info.severity()) >= f.minSeverityRank())
                && (f.urgencies().isEmpty() || f.urgencies().contains(info.urgency()))
                && (f.certainties().isEmpty() || f.certainties().contains(info.certainty()));
    }

    /** Areas with shapes must reach the circle; areas without shapes matched by region already. */
    private boolean touchesCircle(SubscriptionFilter f, AlertView alert) {
        Geometry circle = CapShapes.circle(f.point(), f.radiusKm(), gazetteer.geometryFactory());
        List<CapArea> areas = alert.alert().info().stream().flatMap(i -> i.area().stream()).toList();
        return areas.isEmpty() || areas.stream().anyMatch(a -> !CapShapes.hasShapes(a)
                || CapShapes.of(a, gazetteer.geometryFactory()).intersects(circle));
    }
}
