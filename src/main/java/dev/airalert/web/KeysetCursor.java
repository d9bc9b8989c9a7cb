package dev.airalert.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a newest-first list ordered by (time, id): the last row of a page. Opaque
 * to callers; keyset pagination on it stays stable while rows are being inserted.
 */
public record KeysetCursor(Instant at, UUID id) {

    public String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a page's {@code next} carried; a 400 naming {@code cursor} for anything else. */
    public static KeysetCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text),
                    StandardCharsets.US_ASCII).split(":", 2);
            long micros = Long.parseLong(parts[0]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (!TimeRange.contains(at)) {
                throw new IllegalArgumentException("no page of ours starts there");
            }
            return new KeysetCursor(at, UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.invalidField("cursor",
                    "is not a cursor this service issued; use the 'next' value of a page");
        }
    }
}
