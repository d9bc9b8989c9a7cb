package dev.airalert.cap;

import dev.airalert.web.FieldError;
import java.util.List;

/**
 * The submitted body cannot be treated as CAP 1.2 at all, as opposed to a CAP 1.2 alert
 * with wrong field values (those are {@link FieldError}s from {@link CapValidator}). The
 * {@link Kind} lets the caller pick a status code and count rejections by cause without
 * parsing the message; the message is meant for the publisher and names no Java types.
 */
public class CapFormatException extends RuntimeException {

    /** Why the body was refused. */
    public enum Kind {
        /** Not well-formed XML (or not readable in its declared encoding). */
        MALFORMED,
        /** Carries a DTD, entity declarations or XInclude: refused before any use. */
        HOSTILE,
        /** A CAP alert, but of an older version than 1.2. */
        UNSUPPORTED_VERSION,
        /** Well-formed XML that is neither a CAP 1.2 alert nor an EDXL-DE envelope. */
        NOT_CAP,
        /** An EDXL-DE envelope that its own schema refuses (the alerts in it are judged one by one). */
        INVALID_ENVELOPE
    }

    private final Kind kind;
    private final transient List<FieldError> errors;

    public CapFormatException(Kind kind, String message, List<FieldError> errors) {
        super(message);
        this.kind = kind;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Convenience for the common case of one offending field. */
    public CapFormatException(Kind kind, String field, String message) {
        this(kind, message, List.of(new FieldError(field, message)));
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
