package dev.airalert.alert;

import dev.airalert.cap.CapTime;
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

    /** The (sender, identifier) this refers to, as one key. */
    String target() {
        return target(sender, identifier);
    }

    static String target(String sender, String identifier) {
        return sender + "\n" + identifier;
    }

    /** Whether this names that alert: same sender and identifier, and the same instant sent. */
    boolean names(Alert alert) {
        return sender.equals(alert.sender()) && identifier.equals(alert.identifier()) && sentMatches(alert);
    }

    /** Whether {@code sent} is the instant the alert was sent (the offset may be written differently). */
    boolean sentMatches(Alert alert) {
        return CapTime.isValid(sent) && CapTime.parse(sent).toInstant().equals(alert.sentAt());
    }

    @Override
    public String toString() {
        return sender + "," + identifier + "," + sent;
    }
}
