package dev.airalert.compat;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
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
 * equal on every replica for equal content) and a {@code Last-Modified}: when this replica first
 * built what it shows ({@link ActiveThreats.Snapshot#since}). {@code If-None-Match} gets 304 while
 * the tag matches; {@code If-Modified-Since} only when it is exactly the date this replica gives
 * out now, so a date from another body, another replica or another clock never matches by chance.
 * <p>HTTP dates count whole seconds, so a date given out while changes may still come in its
 * second would name two contents (RFC 9110 section 8.8.2.2: such a date is a weak validator).
 * And a replica may show a build up to {@code refresh-at-least-every} old. So for
 * {@link #settling} after a change the date given out is one second before it, which nothing
 * matches (the poller gets one more full answer); after that, the content has been in force
 * longer than any replica can lag, every replica that shows other content built it later, in a
 * later second, and the exact date is safe. A build past its time (being rebuilt, or the
 * database failing) gives out the date that matches nothing, and never 304 on a date.
 */
@ApplicationScoped
class Conditional {

    /** A body as served: its bytes and type, its tag, and the change it shows. */
    record Rendered(byte[] body, MediaType type, String tag, Instant lastChange) {
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    /** How long after a change its exact date is given out: a replica's lag, a second, and a second of clocks. */
    final Duration settling;
    private final Clock clock = Clocks.UTC;

    @jakarta.inject.Inject
    Conditional(AirAlertConfig config) {
        this(config.compat().refreshAtLeastEvery().plusSeconds(2));
    }

    Conditional(Duration settling) {
        this.settling = settling;
    }

    /**
     * The answer for the body at {@code address} (path and query, never the token) in this build:
     * rendered once per build, then 304 or 200 as the poller's validators say.
     */
    Response answer(ActiveThreats.Snapshot snapshot, String address, Supplier<byte[]> body, String ifNoneMatch,
            String ifModifiedSince) {
        return answer(snapshot, address, null, body, ifNoneMatch, ifModifiedSince);
    }

    /**
     * As {@link #answer(ActiveThreats.Snapshot, String, Supplier, String, String)} for a body
     * that also changes with time (a history's window, which moves a minute at a time): its
     * change is the later of the build's and {@code window}'s start.
     */
    Response answer(ActiveThreats.Snapshot snapshot, String address, Instant window, Supplier<byte[]> body,
            String ifNoneMatch, String ifModifiedSince) {
        Instant lastChange = window != null && window.isAfter(snapshot.since) ? window : snapshot.since;
        Rendered r = snapshot.body(address + "@" + lastChange, () -> rendered(body.get(), lastChange));
        return respond(r, snapshot.fresh(clock.instant()), ifNoneMatch, ifModifiedSince, clock.instant());
    }

    static Rendered rendered(byte[] body, Instant lastChange) {
        return new Rendered(body, MediaType.APPLICATION_JSON_TYPE, Sha256.hex(body).substring(0, 32), lastChange);
    }

    /** The answer: 304 when the poller already has this body, else 200 with it; both with the validators. */
    Response respond(Rendered r, boolean fresh, String ifNoneMatch, String ifModifiedSince, Instant now) {
        Instant exact = r.lastChange().truncatedTo(ChronoUnit.SECONDS);
        boolean settled = fresh && !now.isBefore(exact.plus(settling));
        Instant lastModified = settled ? exact : exact.minusSeconds(1);
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        boolean unchanged = ifNoneMatch != null ? matches(ifNoneMatch, r.tag())
                : settled && exact.equals(parse(ifModifiedSince));
        Response.ResponseBuilder answer = unchanged ? Response.notModified() : Response.ok(r.body(), r.type());
        return answer.tag(new EntityTag(r.tag())).lastModified(Date.from(lastModified)).cacheControl(revalidate)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }

    /** An HTTP date; null for anything else (then it is ignored, as RFC 9110 says). */
    static Instant parse(String httpDate) {
        if (httpDate == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(httpDate.trim(), HTTP_DATE).withZoneSameInstant(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean matches(String ifNoneMatch, String tag) {
        return Arrays.stream(ifNoneMatch.split(",")).map(t -> t.trim().replaceFirst("^W/", ""))
                .anyMatch(t -> t.equals("\"" + tag + "\"") || t.equals("*"));
    }
}
