package dev.airalert.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts what ingest did, for {@code /q/metrics}: {@code airalert_alerts_ingested_total}
 * by format and {@code airalert_alerts_rejected_total} by reason.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void ingested(SourceFormat format) {
        Counter.builder("airalert.alerts.ingested")
                .description("Alerts stored")
                .tag("format", format.code())
                .register(registry).increment();
    }

    /** {@code reason} is one of a small fixed set (the problem type's last segment). */
    public void rejected(String reason) {
        Counter.builder("airalert.alerts.rejected")
                .description("Alert submissions refused")
                .tag("reason", reason)
                .register(registry).increment();
    }
}
