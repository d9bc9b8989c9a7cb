package dev.airalert.web;

/**
 * Where the service speaks other services' APIs (alerts.in.ua's {@code /v1/}, ukrainealarm's
 * {@code /api/v3/}): their clients parse those services' shapes, so the rest of the service
 * leaves errors, access checks and the API description there to the compatible APIs.
 */
public final class OtherServicesPaths {

    private OtherServicesPaths() {
    }

    public static boolean contains(String path) {
        return path != null && (path.startsWith("/v1/") || path.startsWith("/api/v3/"));
    }
}
