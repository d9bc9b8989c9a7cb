package dev.airalert.alert;

import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapInfo;
import dev.airalert.cap.CapJson;
import dev.airalert.cap.CapLanguages;
import java.time.Instant;
import java.util.List;

/** Stored alerts as the API shows them. */
final class AlertViews {

    private AlertViews() {
    }

    /** The view anyone allowed to read the alert gets: what every channel carries. */
    static AlertView of(Alert alert, String lang, Instant now) {
        return of(alert, lang, now, false);
    }

    /** With {@code withPublisher}, also which key published it and who decided on its approval (admins). */
    static AlertView of(Alert alert, String lang, Instant now, boolean withPublisher) {
        return inLanguages(alert, lang == null ? List.of() : List.of(lang), now, withPublisher);
    }

    /** As {@link #of(Alert, String, Instant, boolean)}, narrowed to the infos in any of {@code languages}. */
    static AlertView inLanguages(Alert alert, List<String> languages, Instant now, boolean withPublisher) {
        return inLanguages(AlertRow.of(alert), languages, now, withPublisher);
    }

    /** As {@link #inLanguages(Alert, List, Instant, boolean)}, from the alert's row as a history page reads it. */
    static AlertView inLanguages(AlertRow alert, List<String> languages, Instant now, boolean withPublisher) {
        CapAlert cap = CapJson.readStored(alert.document());
        ResolutionJson.Stored resolution = alert.storedResolution();
        return new AlertView(alert.id(), alert.stateAt(now), alert.threat(), alert.regionCodes(),
                resolution.unresolvedAreas(), alert.replacedBy(), alert.receivedAt(),
                resolution.areas(), alert.signature(), approval(alert, withPublisher),
                withPublisher && alert.publishedBy() != null
                        ? new AlertView.Publisher(alert.publishedBy().toString(), alert.publishedByHolder()) : null,
                alert.capVersion(), narrowed(cap, languages));
    }

    private static AlertView.Approval approval(AlertRow alert, boolean withDecider) {
        AlertApproval a = alert.approval();
        if (a == null) {
            return null;
        }
        return new AlertView.Approval(a.rule, alert.receivedAt(), a.decision, a.decidedAt,
                withDecider ? a.decidedBy : null, withDecider ? a.decidedByHolder : null);
    }

    /**
     * Keeps the infos in the reader's languages ({@code de} matches {@code de-DE}); when the
     * alert has none in them, all of them, since some notice beats none.
     */
    private static CapAlert narrowed(CapAlert cap, List<String> languages) {
        if (languages.isEmpty()) {
            return cap;
        }
        List<CapInfo> matching = cap.info().stream().filter(i -> languages.stream()
                .anyMatch(wanted -> CapLanguages.matches(i.effectiveLanguage(), wanted))).toList();
        return matching.isEmpty() ? cap : cap.withInfo(matching);
    }
}
