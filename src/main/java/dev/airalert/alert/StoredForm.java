package dev.airalert.alert;

import dev.airalert.Sha256;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapEnums;
import dev.airalert.cap.CapInfo;
import dev.airalert.cap.CapJson;
import dev.airalert.cap.CapReferences;
import dev.airalert.cap.CapTime;
import dev.airalert.cap.CapVersion;
import dev.airalert.region.Resolution;
import dev.airalert.threat.Threat;
import dev.airalert.threat.Threats;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything stored for a validated alert, derived once: canonical document and a hash of
 * its content (idempotency compares content, not bytes, so the same alert sent as XML and
 * as JSON, or re-indented, is the same alert), the times and states history filters on, the info and region index
 * rows, and the parsed references.
 */
record StoredForm(CapAlert alert, SourceFormat format, CapVersion version, byte[] originalXml, String charset,
        String document,
        String contentHash, Instant sentAt, Instant expiresAt, AlertState initialState,
        List<AlertInfoIndex> infoIndex, Resolution resolution,
        List<AlertReference> references, Threat threat) {

    static StoredForm of(Submission submission, Resolution resolution) {
        CapAlert alert = submission.alert();
        String document = CapJson.write(alert);
        Instant sentAt = CapTime.parse(alert.sent()).toInstant();
        List<AlertInfoIndex> infos = alert.info().stream()
                .map(info -> new AlertInfoIndex(info.effectiveLanguage(),
                        info.event().toLowerCase(Locale.ROOT), info.urgency(),
                        (short) CapEnums.severityRank(info.severity()), info.certainty(), sentAt))
                .toList();
        return new StoredForm(alert, submission.format(), submission.version(), submission.originalXml(),
                submission.charset(), document,
                Sha256.hex(CapJson.comparable(alert)), sentAt, latestExpiry(alert), initialState(alert), infos,
                resolution, references(alert), Threats.of(alert));
    }

    /** An alert is expired after the latest expiry of its infos; none means it never expires. */
    private static Instant latestExpiry(CapAlert alert) {
        if (alert.info().isEmpty() || alert.info().stream().anyMatch(i -> i.expires() == null)) {
            return null;
        }
        return alert.info().stream().map(CapInfo::expires).filter(Objects::nonNull)
                .map(t -> CapTime.parse(t).toInstant()).max(Instant::compareTo).orElse(null);
    }

    private static AlertState initialState(CapAlert alert) {
        if (!"Actual".equals(alert.status())) {
            return AlertState.NOT_ACTUAL;
        }
        return switch (alert.msgType()) {
            case "Cancel" -> AlertState.CANCELLED;
            case "Ack", "Error" -> AlertState.RECORDED;
            default -> AlertState.ACTIVE;
        };
    }

    /** {@code sender,identifier,sent} triples; the validator has already checked their shape. */
    private static List<AlertReference> references(CapAlert alert) {
        return CapReferences.all(alert.references()).stream()
                .map(r -> new AlertReference(r.sender(), r.identifier(), r.sent()))
                .toList();
    }
}
