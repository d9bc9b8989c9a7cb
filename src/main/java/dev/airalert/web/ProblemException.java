package dev.airalert.web;

import java.util.List;
import java.util.stream.Stream;

/**
 * A refusal that the caller must understand: carries everything a {@link Problem} needs.
 * Services throw it; {@link ProblemMapper} turns it into the response.
 */
public class ProblemException extends RuntimeException {

    /**
     * Errors listed at most: a document of 250,000 bad elements must not make a problem of
     * megabytes (it travels in a broker header too); fixing the first hundred shows the rest.
     */
    static final int MAX_ERRORS = 100;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldError> errors;
    /** Seconds the caller should wait before trying again (429, 503); null when it does not apply. */
    private final Long retryAfterSeconds;

    public ProblemException(int status, String type, String title, String detail,
            List<FieldError> errors) {
        this(status, type, title, detail, errors, null);
    }

    private ProblemException(int status, String type, String title, String detail,
            List<FieldError> errors, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors.size() <= MAX_ERRORS ? List.copyOf(errors) : Stream.concat(
                errors.stream().limit(MAX_ERRORS), Stream.of(new FieldError("errors", "and "
                        + (errors.size() - MAX_ERRORS) + " more problems not listed"))).toList();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: a limit was reached; the same request works again after {@code seconds}. */
    public static ProblemException tooManyRequests(String detail, long seconds) {
        return new ProblemException(429, "/problems/too-many-requests", "Too many requests", detail, List.of(),
                Math.max(1, seconds));
    }

    /** 403: the caller may not do this, with the field that says why. */
    public static ProblemException forbidden(String detail, List<FieldError> errors) {
        return new ProblemException(403, "/problems/forbidden", "Forbidden", detail, errors);
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    /** 400 for a request whose fields are wrong. */
    public static ProblemException invalid(String type, String detail, List<FieldError> errors) {
        return new ProblemException(400, type, "Invalid request", detail, errors);
    }

    /** 400 for one bad field. */
    public static ProblemException invalidField(String field, String message) {
        return invalid("/problems/invalid-parameter", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
