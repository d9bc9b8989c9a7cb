package dev.airalert.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** The searchable facts of one {@code <info>}, one row per info. */
@Embeddable
public class AlertInfoIndex {

    @Column(name = "language", nullable = false)
    String language;

    /** The event, lower-cased: history matches events case-insensitively. */
    @Column(name = "event_key", nullable = false)
    String eventKey;

    @Column(nullable = false)
    String urgency;

    @Column(name = "severity_rank", nullable = false)
    short severityRank;

    @Column(nullable = false)
    String certainty;

    @Column(name = "sent_at", nullable = false)
    Instant sentAt;

    protected AlertInfoIndex() {
    }

    AlertInfoIndex(String language, String eventKey, String urgency, short severityRank,
            String certainty, Instant sentAt) {
        this.language = language;
        this.eventKey = eventKey;
        this.urgency = urgency;
        this.severityRank = severityRank;
        this.certainty = certainty;
        this.sentAt = sentAt;
    }
}
