package dev.airalert.alert;

import dev.airalert.cap.SignatureVerdict;
import dev.airalert.threat.Threat;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a view of an alert is made from, as its row holds it: a history page reads these
 * straight from the database (no entity, no persistence context), and a loaded
 * {@link Alert} gives the same through {@link #of(Alert)}, so both are shown by one piece of code.
 *
 * @param state       the stored state's code ({@link AlertState#at} derives what a reader sees)
 * @param approval    null unless an approval rule held the alert
 * @param resolution  the stored {@link ResolutionJson} text, null for alerts stored before it
 * @param document    the stored CAP JSON
 * @param regionCodes the region codes it covers, sorted
 */
record AlertRow(UUID id, Instant sentAt, String state, Instant expiresAt, Threat threat, UUID replacedBy,
        Instant receivedAt, UUID publishedBy, String publishedByHolder, SignatureVerdict signature,
        AlertApproval approval, String resolution, String document, List<String> regionCodes, String capVersion) {

    static AlertRow of(Alert a) {
        return new AlertRow(a.id, a.sentAt, a.state, a.expiresAt, a.threat(), a.replacedBy, a.receivedAt,
                a.publishedBy, a.publishedByHolder, a.signature(), a.approval, a.areaResolution, a.document(),
                a.regionCodes(), a.capVersion);
    }

    AlertState stateAt(Instant now) {
        return AlertState.at(state, expiresAt, now);
    }

    ResolutionJson.Stored storedResolution() {
        return ResolutionJson.read(resolution);
    }
}
