package dev.airalert.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.threat.ThreatType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The bodies of alerts.in.ua's API, as its clients parse them: location ids as strings, ids as
 * numbers, {@code started_at} with milliseconds and {@code Z}, {@code meta.last_updated_at} as
 * {@code 2023/11/06 12:00:00 +0000}.
 */
final class AlertsInUaBodies {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter META_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss Z")
            .withZone(ZoneOffset.UTC);
    /** Ids stay below 2^53, so that JavaScript clients read them exactly. */
    private static final long ID_BITS = (1L << 53) - 1;

    /** One (alert chain, location) as an entry. */
    record Entry(String chain, Locations.Location location, ThreatType type, String notes, boolean calculated,
            Instant startedAt, Instant finishedAt, Instant updatedAt) {
    }

    private AlertsInUaBodies() {
    }

    /** {@code {"alerts": [...], "meta": {"last_updated_at"}, "disclaimer"}}. */
    static byte[] alerts(List<Entry> entries, Locations locations, Instant lastUpdated, String disclaimer) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode alerts = body.putArray("alerts");
        for (Entry e : entries) {
            Locations.Location oblast = locations.oblastOf(e.location());
            ObjectNode a = alerts.addObject();
            a.put("id", id(e.chain(), e.location().uid()));
            a.put("location_title", e.location().title());
            a.put("location_type", locationType(e.location()));
            a.put("started_at", TIME.format(e.startedAt()));
            a.put("finished_at", e.finishedAt() == null ? null : TIME.format(e.finishedAt()));
            a.put("updated_at", TIME.format(e.updatedAt()));
            a.put("alert_type", alertType(e.type()));
            a.put("location_uid", e.location().uid());
            a.put("location_oblast", oblast.title());
            a.put("location_oblast_uid", oblast.uid());
            a.put("location_raion", locations.raionOf(e.location()).map(Locations.Location::title).orElse(null));
            a.put("notes", e.notes());
            a.put("calculated", e.calculated());
        }
        body.putObject("meta").put("last_updated_at", META_TIME.format(lastUpdated));
        body.put("disclaimer", disclaimer);
        return bytes(body);
    }

    /** A JSON string: {@code "ANP..."}. */
    static byte[] string(String text) {
        try {
            return JSON.writeValueAsBytes(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * alerts.in.ua's five kinds: the finer kinds of air threat are air raids there (its sirens
     * do not tell drones from missiles).
     */
    static String alertType(ThreatType type) {
        return type.fromTheAir() ? "air_raid" : type.wire();
    }

    /** Kyiv and Sevastopol, oblast-level cities, are {@code city} there. */
    static String locationType(Locations.Location location) {
        return "oblast".equals(location.type()) && location.title().startsWith("м. ") ? "city" : location.type();
    }

    /** A number for (chain, location) that stays the same across the chain's updates and on every replica. */
    static long id(String chain, String uid) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((chain + "|" + uid).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong() & ID_BITS;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
