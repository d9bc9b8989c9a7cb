package dev.airalert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.Lru;
import dev.airalert.compat.UkraineAlarmWebhooks;
import dev.airalert.event.EventBody;
import dev.airalert.subscription.WebhookFormat;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The bytes a delivery sends and signs: one body per event and language list, shared by every
 * delivery of the event in those languages (never written to). Events are immutable, so their
 * payloads and bodies are kept for the next sends; a fan-out to thousands builds each once.
 */
@ApplicationScoped
class WebhookBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;
    private final UkraineAlarmWebhooks ukrainealarm;
    private final Lru<Long, String> payloads = new Lru<>(64);
    private final Lru<String, byte[]> bodies = new Lru<>(256);

    WebhookBodies(AgroalDataSource dataSource, UkraineAlarmWebhooks ukrainealarm) {
        this.dataSource = dataSource;
        this.ukrainealarm = ukrainealarm;
    }

    /**
     * The body if it is at hand (on the event loop, which must not block); null otherwise, and
     * always for a ukrainealarm-style delivery, whose requests are built and signed per attempt.
     */
    byte[] atHand(Outgoing delivery) {
        return delivery.format() == WebhookFormat.UKRAINEALARM ? null : bodies.get(key(delivery));
    }

    /** The body, built from the stored event if need be (a blocking read). */
    byte[] body(Outgoing delivery) throws SQLException {
        String key = key(delivery);
        byte[] body = atHand(delivery);
        if (body != null) {
            return body;
        }
        String payload = payloads.get(delivery.eventSeq());
        if (payload == null) {
            payload = payload(delivery.eventSeq());
            payloads.put(delivery.eventSeq(), payload);
        }
        if (delivery.format() == WebhookFormat.UKRAINEALARM) {
            return ukrainealarm(delivery, payload);
        }
        body = EventBody.of(delivery.type(), delivery.eventId(), delivery.eventCreatedAt(), payload,
                delivery.languages()).getBytes(StandardCharsets.UTF_8);
        bodies.put(key, body);
        return body;
    }

    private static String key(Outgoing delivery) {
        return delivery.eventSeq() + "|" + delivery.languages();
    }

    /**
     * ukrainealarm's requests (a JSON array: one each, signed) for the regions the event changed:
     * its alert's and, for an Update or Cancel, those of the alerts it refers to.
     */
    private byte[] ukrainealarm(Outgoing delivery, String payload) throws SQLException {
        JsonNode alert;
        try {
            alert = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event payloads are JSON", e);
        }
        Set<String> regions = new TreeSet<>();
        alert.path("regions").forEach(r -> regions.add(r.asText()));
        regions.addAll(relatedRegions(delivery.eventSeq()));
        return ukrainealarm.requests(delivery.eventSeq(), delivery.eventCreatedAt(),
                alert.path("threat").path("type").asText(null), regions);
    }

    /** The regions of the alerts an Update or Cancel refers to (there may be thousands): one query. */
    private Set<String> relatedRegions(long seq) throws SQLException {
        Set<String> regions = new TreeSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement related = c.prepareStatement("SELECT related_alert_ids FROM alert_event WHERE seq = ?");
                PreparedStatement codes = c.prepareStatement(
                        "SELECT DISTINCT region_code FROM alert_region WHERE alert_id = ANY(?)")) {
            related.setLong(1, seq);
            String ids;
            try (ResultSet rs = related.executeQuery()) {
                ids = rs.next() ? rs.getString(1) : "";
            }
            Object[] alerts = Arrays.stream(ids.split(",")).filter(id -> !id.isBlank()).map(UUID::fromString).toArray();
            if (alerts.length == 0) {
                return regions;
            }
            codes.setArray(1, c.createArrayOf("uuid", alerts));
            try (ResultSet rs = codes.executeQuery()) {
                while (rs.next()) {
                    regions.add(rs.getString(1));
                }
            }
        }
        return regions;
    }

    private String payload(long seq) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement load = c.prepareStatement("SELECT payload FROM alert_event WHERE seq = ?")) {
            load.setLong(1, seq);
            try (ResultSet rs = load.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("Event " + seq + " is not in the event log");
                }
                return rs.getString(1);
            }
        }
    }
}
