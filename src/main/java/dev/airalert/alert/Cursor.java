package dev.airalert.alert;

import dev.airalert.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in newest-first history: the (sent, id) of the last alert of a page. Opaque
 * to callers; keyset pagination on it stays stable while alerts are being inserted.
 */
record Cursor(Instant sentAt, UUID id) {

    static Cursor after(Alert alert) {
        return new Cursor(alert.sentAt(), alert.id());
    }

    String encode() {
        long micros = sentAt.getEpochSecond() * 1_000_000L + sentAt.getNano() / 1_000;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text),
                    StandardCharsets.US_ASCII).split(":", 2);
            long micros = Long.parseLong(parts[0]);
            return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.invalidField("cursor",
                    "is not a cursor this service issued; use the 'next' value of a page");
        }
    }
}
