package dev.airalert.compat;

/**
 * An error of the compatible APIs, in the shape their clients parse: {@code {"message": ...}}
 * with their status codes (401 no or bad token, 403 a key that may not read them, 404, 429 with
 * {@code Retry-After}), not problem+json.
 */
public class CompatError extends RuntimeException {

    private final int status;
    private final long retryAfter;

    CompatError(int status, String message) {
        this(status, message, 0);
    }

    CompatError(int status, String message, long retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    static CompatError notFound() {
        return new CompatError(404, "Not found");
    }

    int status() {
        return status;
    }

    long retryAfter() {
        return retryAfter;
    }
}
