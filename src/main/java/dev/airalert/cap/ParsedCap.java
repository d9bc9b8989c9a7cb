package dev.airalert.cap;

import dev.airalert.web.FieldError;
import java.util.List;

/**
 * One alert found in a submitted body, before validation.
 *
 * @param alert           the alert's fields (all null when the envelope slot held no alert)
 * @param originalXml     the exact submitted bytes for a bare alert, kept so a signed alert
 *                        can be passed on unchanged; null for an alert cut out of an
 *                        EDXL-DE envelope, whose bytes are not a document of their own
 * @param path            where the alert sits in the body: "" for a bare alert,
 *                        {@code contentObject[i].alert} inside an envelope; used to prefix
 *                        the validator's field paths
 * @param structureErrors the first violation of its version's schema, then elements CAP does
 *                        not allow where they were found, already prefixed with {@code path}
 * @param signed          whether the alert carries an XML signature
 * @param version         the CAP version it was written in (read into the CAP 1.2 model)
 */
public record ParsedCap(CapAlert alert, byte[] originalXml, String path,
        List<FieldError> structureErrors, boolean signed, CapVersion version) {

    /** The fields of a slot that held no alert: all absent. */
    private static final CapAlert NO_ALERT = new CapAlert(null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    public ParsedCap {
        structureErrors = structureErrors == null ? List.of() : List.copyOf(structureErrors);
    }

    /** An envelope's slot that holds no alert this service reads, and why. */
    static ParsedCap emptySlot(String path, String message) {
        return new ParsedCap(NO_ALERT, null, path, List.of(new FieldError(path, message)), false, CapVersion.V1_2);
    }

    /**
     * Whether an alert was read (false: an envelope slot without one, whose only error is its
     * structure error; judging its absent fields would add a false "required" for each).
     */
    public boolean holdsAlert() {
        return alert != NO_ALERT;
    }

    /** Turns a field path relative to the alert into one relative to the whole body. */
    public String qualify(String field) {
        return FieldError.join(path, field);
    }
}
