package dev.airalert.alert;

import dev.airalert.alert.cap.CapAlert;
import dev.airalert.alert.cap.CapInfo;
import dev.airalert.alert.cap.CapJson;
import dev.airalert.alert.cap.CapLanguages;
import java.time.Instant;
import java.util.List;

/** Stored alerts as the API shows them. */
final class AlertViews {

    private AlertViews() {
    }

    static AlertView of(Alert alert, String lang, Instant now) {
        CapAlert cap = CapJson.readStored(alert.document());
        ResolutionJson.Stored resolution = alert.resolution();
        return new AlertView(alert.id(), alert.stateAt(now), alert.regionCodes(),
                resolution.unresolvedAreas(), alert.replacedBy(), alert.receivedAt(),
                resolution.areas(), inLanguage(cap, lang));
    }

    /**
     * Keeps the infos in the reader's language ({@code de} matches {@code de-DE}); when the
     * alert has none in that language, all of them, since some notice beats none.
     */
    private static CapAlert inLanguage(CapAlert cap, String lang) {
        if (lang == null) {
            return cap;
        }
        List<CapInfo> matching = cap.info().stream()
                .filter(i -> CapLanguages.matches(i.effectiveLanguage(), lang)).toList();
        return matching.isEmpty() ? cap : cap.withInfo(matching);
    }
}
