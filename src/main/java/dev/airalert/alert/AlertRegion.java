package dev.airalert.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * A region code an alert covers, whole or in part, with the alert's sent time for
 * time-ordered scans.
 */
@Embeddable
public class AlertRegion {

    @Column(name = "region_code", nullable = false)
    String regionCode;

    @Column(name = "sent_at", nullable = false)
    Instant sentAt;

    /** True when the alert covers only part of the region. */
    @Column(nullable = false)
    boolean partial;

    protected AlertRegion() {
    }

    AlertRegion(String regionCode, Instant sentAt, boolean partial) {
        this.regionCode = regionCode;
        this.sentAt = sentAt;
        this.partial = partial;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertRegion r && r.regionCode.equals(regionCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regionCode);
    }
}
