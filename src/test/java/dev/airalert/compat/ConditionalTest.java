package dev.airalert.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * When a poller's validators get 304: never for content it has not seen, however replicas,
 * seconds and clocks fall. The dates are worked out here as the resources work them out.
 */
class ConditionalTest {

    private static final Duration SETTLING = Duration.ofSeconds(4);
    private static final Instant CHANGE = Instant.parse("2026-12-01T10:00:00.400Z");
    private final Conditional conditional = new Conditional(SETTLING);

    private static String http(Instant at) {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH)
                .format(at.atOffset(ZoneOffset.UTC));
    }

    private Response answer(Conditional.Rendered r, boolean fresh, String ifModifiedSince, Instant now) {
        return conditional.respond(r, fresh, null, ifModifiedSince, now);
    }

    private static Conditional.Rendered body(String text, Instant lastChange) {
        return Conditional.rendered(text.getBytes(StandardCharsets.UTF_8), lastChange);
    }

    @Test
    void untilTheChangeHasSettledTheDateGivenOutMatchesNothing() {
        Conditional.Rendered a = body("\"A\"", CHANGE);
        Response early = answer(a, true, null, CHANGE.plusSeconds(1));
        assertEquals(http(Instant.parse("2026-12-01T09:59:59Z")), early.getHeaderString(HttpHeaders.LAST_MODIFIED));
        // Sending it back never gets 304, not even for the same content.
        assertEquals(200, answer(a, true, early.getHeaderString(HttpHeaders.LAST_MODIFIED), CHANGE.plusSeconds(10))
                .getStatus());
        // Nor does the change's own second before it has settled.
        assertEquals(200, answer(a, true, http(Instant.parse("2026-12-01T10:00:00Z")), CHANGE.plusSeconds(2))
                .getStatus());
    }

    @Test
    void onceSettledTheExactDateRevalidatesThatContentOnly() {
        Conditional.Rendered a = body("\"A\"", CHANGE);
        Instant later = CHANGE.plus(SETTLING).plusSeconds(1);
        String lastModified = answer(a, true, null, later).getHeaderString(HttpHeaders.LAST_MODIFIED);
        assertEquals(http(Instant.parse("2026-12-01T10:00:00Z")), lastModified);
        assertEquals(304, answer(a, true, lastModified, later).getStatus());
        assertEquals(304, answer(a, true, lastModified, later).getStatus());
        // A later change (on this replica or another, whose build is later): the old date is not it.
        Conditional.Rendered b = body("\"N\"", CHANGE.plusSeconds(7));
        assertEquals(200, answer(b, true, lastModified, later.plusSeconds(10)).getStatus());
        // A date after the change (another replica's, another clock's) is not it either.
        assertEquals(200, answer(a, true, http(Instant.parse("2026-12-01T10:00:30Z")), later).getStatus());
    }

    @Test
    void aBuildPastItsTimeNeverAnswers304ToADate() {
        Conditional.Rendered a = body("\"A\"", CHANGE);
        Instant later = CHANGE.plus(SETTLING).plusSeconds(1);
        Response stale = answer(a, false, http(Instant.parse("2026-12-01T10:00:00Z")), later);
        assertEquals(200, stale.getStatus());
        assertEquals(http(Instant.parse("2026-12-01T09:59:59Z")), stale.getHeaderString(HttpHeaders.LAST_MODIFIED));
    }

    @Test
    void anEntityTagDecidesWhenGivenAndADateThatIsNoDateIsIgnored() {
        Conditional.Rendered a = body("\"A\"", CHANGE);
        Instant later = CHANGE.plus(SETTLING).plusSeconds(1);
        assertEquals(304, conditional.respond(a, true, "\"" + a.tag() + "\"", "garbage", later).getStatus());
        assertEquals(200, conditional.respond(a, true, "\"other\"", http(Instant.parse("2026-12-01T10:00:00Z")),
                later).getStatus());
        assertEquals(200, answer(a, true, "yesterday", later).getStatus());
    }
}
