package dev.airalert.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A subscription as its owner sees it; the secret is never part of it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String url, String description, Set<String> regions,
        SubscriptionRequest.PointRequest point, List<String> events, String minSeverity,
        List<String> urgencies, List<String> certainties, List<String> statuses,
        List<String> languages, List<String> threats, List<String> levels, String format, boolean deliverLate,
        boolean enabled, String disabledReason, Instant disabledAt,
        Instant failingSince, Instant createdAt, Instant updatedAt, String secret) {

    static SubscriptionView of(Subscription s, String secret) {
        SubscriptionFilter f = s.filter();
        return new SubscriptionView(s.id, s.url, s.description, Set.copyOf(s.regionCodes),
                f.point() == null ? null
                        : new SubscriptionRequest.PointRequest(f.point().lat(), f.point().lon(), f.radiusKm()),
                f.events(), f.minSeverityRank() == null ? null
                        : dev.airalert.cap.CapEnums.SEVERITY.get(4 - f.minSeverityRank()),
                f.urgencies(), f.certainties(), f.statuses(), f.languages(), f.threats(), f.levels(), s.format, s.deliverLate, s.enabled,
                s.disabledReason, s.disabledAt, s.failingSince, s.createdAt, s.updatedAt, secret);
    }
}
