package dev.airalert;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Values of native SQL results, whose Java types depend on the database and driver: a
 * timestamp column arrives as {@link Instant}, {@link OffsetDateTime} or {@link Timestamp};
 * a UUID column as {@link UUID} (PostgreSQL) or as its 16 bytes (H2).
 */
public final class NativeValues {

    private NativeValues() {
    }

    public static UUID uuid(Object value) {
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(value.toString());
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
