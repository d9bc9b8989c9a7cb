package dev.airalert.status;

import dev.airalert.Sha256;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

/**
 * Answers for pollers: the ETag is a hash of the body, so each form of the status has its own,
 * equal content gives an equal tag on every instance, and a poller sending
 * {@code If-None-Match} gets 304 and no body until something actually changed.
 */
final class Revalidation {

    private Revalidation() {
    }

    static Response respond(byte[] body, MediaType type, String ifNoneMatch) {
        String tag = Sha256.hex(body).substring(0, 32);
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(t -> t.trim().replaceFirst("^W/", ""))
                .anyMatch(t -> t.equals("\"" + tag + "\"") || t.equals("*"))) {
            return Response.notModified(new EntityTag(tag)).cacheControl(revalidate)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
        }
        // Compressed and plain bodies share the tag: caches must keep them apart by encoding.
        return Response.ok(body, type).tag(new EntityTag(tag)).cacheControl(revalidate)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }
}
