package dev.airalert.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a subscriber sends to create a subscription, or to change one (PATCH: absent fields
 * stay as they are). Places: {@code regions} (codes or names in any language) and/or a
 * {@code point} with a radius. {@code deliverLate}: send an alert even when its delivery comes
 * after it expired or was ended (by default such a delivery is recorded and not sent).
 */
public record SubscriptionRequest(
        @Size(max = 2048) String url,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> regions,
        @Valid PointRequest point,
        @Size(max = 50) List<@NotBlank @Size(max = 256) String> events,
        @Size(max = 20) String minSeverity,
        @Size(max = 5) List<@Size(max = 20) String> urgencies,
        @Size(max = 5) List<@Size(max = 20) String> certainties,
        @Size(max = 5) List<@Size(max = 20) String> statuses,
        @Size(max = 10) List<@Size(max = 64) String> languages,
        @Size(max = 11) List<@Size(max = 30) String> threats,
        @Size(max = 2) List<@Size(max = 10) String> levels,
        @Size(max = 500) String description,
        Boolean deliverLate) {

    /** A place and how far around it: alerts touching this circle match. */
    public record PointRequest(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotNull @DecimalMin("0") @DecimalMax("1000") Double radiusKm) {
    }
}
