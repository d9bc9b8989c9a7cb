package dev.airalert.delivery;

import dev.airalert.Lru;
import dev.airalert.event.EventBody;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The bytes a delivery sends and signs: one body per event and language list, shared by every
 * delivery of the event in those languages (never written to). Events are immutable, so their
 * payloads and bodies are kept for the next sends; a fan-out to thousands builds each once.
 */
@ApplicationScoped
class WebhookBodies {

    private final AgroalDataSource dataSource;
    private final Lru<Long, String> payloads = new Lru<>(64);
    private final Lru<String, byte[]> bodies = new Lru<>(256);

    WebhookBodies(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The body if it is at hand (on the event loop, which must not block); null otherwise. */
    byte[] atHand(Outgoing delivery) {
        return bodies.get(key(delivery));
    }

    /** The body, built from the stored event if need be (a blocking read). */
    byte[] body(Outgoing delivery) throws SQLException {
        String key = key(delivery);
        byte[] body = bodies.get(key);
        if (body != null) {
            return body;
        }
        String payload = payloads.get(delivery.eventSeq());
        if (payload == null) {
            payload = payload(delivery.eventSeq());
            payloads.put(delivery.eventSeq(), payload);
        }
        body = EventBody.of(delivery.type(), delivery.eventId(), delivery.eventCreatedAt(), payload,
                delivery.languages()).getBytes(StandardCharsets.UTF_8);
        bodies.put(key, body);
        return body;
    }

    private static String key(Outgoing delivery) {
        return delivery.eventSeq() + "|" + delivery.languages();
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
