package dev.airalert.compat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.airalert.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.function.Supplier;

/**
 * Conditional requests for pollers. Every answer carries an {@code ETag} (a hash of the body:
 * equal on every replica for equal content) and a {@code Last-Modified}: when this replica
 * first served this body at this address. A poller sending {@code If-None-Match} or
 * {@code If-Modified-Since} gets 304 until the body changes.
 * <p>HTTP dates count whole seconds, so a Last-Modified given out in the very second its
 * content appeared could be followed by another change in that second, and a poller sending
 * it back would be told "not modified" about content it never saw (RFC 9110 section 8.8.2.2:
 * such a date is a weak validator). So until that second is over the date given out is one
 * second earlier, which only costs the poller one more full answer; after it, no change can
 * land in that second any more, and the date is exact.
 */
@ApplicationScoped
class Conditional {

    /** A body as served: its bytes and type, its tag, and since when this address has served it. */
    record Rendered(byte[] body, MediaType type, String tag, Instant since) {
    }

    private record Seen(String tag, Instant since) {
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Cache<String, Seen> seen = Caffeine.newBuilder().maximumSize(50_000).build();

    /** The body served at {@code address} (path and query), remembering when it first looked like this. */
    Rendered rendered(String address, byte[] body, MediaType type, Instant now) {
        String tag = Sha256.hex(body).substring(0, 32);
        // Forgotten (evicted) means "new since now": at worst a poller gets one more full answer.
        Seen s = seen.asMap().compute(address, (k, old) -> old != null && old.tag().equals(tag) ? old : new Seen(tag, now));
        return new Rendered(body, type, tag, s.since());
    }

    /**
     * The answer for the body at {@code address} (path and query, never the token) in this
     * build of the data: rendered once per build, then 304 or 200 as the poller's validators say.
     */
    Response answer(ActiveThreats.Snapshot snapshot, String address, Supplier<byte[]> body, String ifNoneMatch,
            String ifModifiedSince) {
        Instant now = Instant.now();
        Rendered r = snapshot.body(address, () -> rendered(address, body.get(), MediaType.APPLICATION_JSON_TYPE, now));
        return respond(r, ifNoneMatch, ifModifiedSince, now);
    }

    /** The answer: 304 when the poller already has this body, else 200 with it; both with the validators. */
    Response respond(Rendered r, String ifNoneMatch, String ifModifiedSince, Instant now) {
        Instant lastModified = lastModified(r.since(), now);
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        boolean unchanged = ifNoneMatch != null ? matches(ifNoneMatch, r.tag())
                : notModifiedSince(ifModifiedSince, r.since(), now);
        Response.ResponseBuilder answer = unchanged ? Response.notModified() : Response.ok(r.body(), r.type());
        return answer.tag(new EntityTag(r.tag())).lastModified(Date.from(lastModified)).cacheControl(revalidate)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }

    /** The date to give out for content first served at {@code since}, asked at {@code now}. */
    static Instant lastModified(Instant since, Instant now) {
        Instant second = since.truncatedTo(ChronoUnit.SECONDS);
        return now.isBefore(second.plusSeconds(1)) ? second.minusSeconds(1) : second;
    }

    /**
     * Whether a poller holding {@code ifModifiedSince} has this content. Only a date this
     * class can have given out for it qualifies: one not before the content's second. A
     * date from the future (a poller's own clock) or not a date at all is ignored.
     */
    static boolean notModifiedSince(String ifModifiedSince, Instant since, Instant now) {
        if (ifModifiedSince == null) {
            return false;
        }
        Instant held;
        try {
            held = ZonedDateTime.parse(ifModifiedSince.trim(), HTTP_DATE).withZoneSameInstant(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return false;
        }
        return !held.isAfter(now) && !held.isBefore(since.truncatedTo(ChronoUnit.SECONDS));
    }

    private static boolean matches(String ifNoneMatch, String tag) {
        return Arrays.stream(ifNoneMatch.split(",")).map(t -> t.trim().replaceFirst("^W/", ""))
                .anyMatch(t -> t.equals("\"" + tag + "\"") || t.equals("*"));
    }
}
