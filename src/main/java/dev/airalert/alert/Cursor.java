package dev.airalert.alert;

import dev.airalert.web.KeysetCursor;
import java.time.Instant;
import java.util.UUID;

/**
 * A position in newest-first history: the (sent, id) of the last alert of a page. Opaque
 * to callers; keyset pagination on it stays stable while alerts are being inserted.
 */
record Cursor(Instant sentAt, UUID id) {

    static Cursor after(AlertRow alert) {
        return new Cursor(alert.sentAt(), alert.id());
    }

    String encode() {
        return new KeysetCursor(sentAt, id).encode();
    }

    static Cursor decode(String text) {
        KeysetCursor cursor = KeysetCursor.decode(text);
        return new Cursor(cursor.at(), cursor.id());
    }
}
