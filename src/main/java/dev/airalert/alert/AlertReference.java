package dev.airalert.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One {@code sender,identifier,sent} triple from an alert's {@code <references>}. */
@Embeddable
public class AlertReference {

    @Column(name = "ref_sender", nullable = false)
    String sender;

    @Column(name = "ref_identifier", nullable = false)
    String identifier;

    @Column(name = "ref_sent", nullable = false)
    String sent;

    protected AlertReference() {
    }

    AlertReference(String sender, String identifier, String sent) {
        this.sender = sender;
        this.identifier = identifier;
        this.sent = sent;
    }
}
