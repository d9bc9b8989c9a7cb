package dev.airalert.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.threat.ThreatType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a ukrainealarm-style webhook receives for one event: one request per region it changed
 * (its ukrainealarm id), each {@code {"regionId", "regionType", "alarmType", "status",
 * "createdAt", "activeAlertLevels"}} describing the region's state after the event, built and
 * signed with {@link WebhookKeys} for each attempt (so a retry carries the state and a
 * timestamp of its own time).
 */
@ApplicationScoped
public class UkraineAlarmWebhooks {

    public static final String SIGNATURE = "x-webhook-signature";
    public static final String TIMESTAMP = "x-webhook-timestamp";
    public static final String ALGORITHM = "x-webhook-signature-alg";

    private final Locations locations;
    private final ActiveThreats threats;
    private final WebhookKeys keys;

    UkraineAlarmWebhooks(Locations locations, ActiveThreats threats, WebhookKeys keys) {
        this.locations = locations;
        this.threats = threats;
        this.keys = keys;
    }

    /**
     * The requests for the event {@code seq}, signed now, as one JSON array of
     * {@code {"timestamp", "signature", "body"}} ({@code body} the exact text to send). Each region's
     * {@code status} is its state after the event: {@code ACTIVATE} while an alert of that type
     * is in force on it, else {@code DEACTIVATE} (an update that shrank the area clears the
     * regions it left). Blocking: may read what is in force.
     */
    public byte[] requests(long seq, Instant createdAt, String threatType, Collection<String> regionCodes) {
        ThreatType type = ThreatType.fromWire(threatType).orElse(ThreatType.AIR_RAID);
        String alarmType = UkraineAlarmBodies.type(type);
        Set<Locations.Location> changed = new LinkedHashSet<>();
        regionCodes.stream().sorted().forEach(code -> changed.addAll(locations.withRegionIds(code)));
        Map<Locations.Location, List<ActiveThreats.Active>> after = locations.byRegionId(threats.atLeast(seq).active);
        long timestamp = Instant.now().getEpochSecond();
        ArrayNode requests = AlertsInUaBodies.JSON.createArrayNode();
        for (Locations.Location location : changed) {
            ObjectNode body = AlertsInUaBodies.JSON.createObjectNode();
            body.put("regionId", location.regionId());
            body.put("regionType", UkraineAlarmBodies.regionType(location));
            body.put("alarmType", alarmType);
            ArrayNode levels = AlertsInUaBodies.JSON.createArrayNode();
            boolean inForce = false;
            for (ActiveThreats.Active a : after.getOrDefault(location, List.of())) {
                if (UkraineAlarmBodies.type(a.type()).equals(alarmType)) {
                    inForce = true;
                    UkraineAlarmBodies.addLevel(levels, a);
                }
            }
            body.put("status", inForce ? "ACTIVATE" : "DEACTIVATE");
            body.put("createdAt", UkraineAlarmBodies.time(createdAt));
            body.set("activeAlertLevels", levels);
            byte[] bytes = AlertsInUaBodies.bytes(body);
            requests.addObject().put("timestamp", timestamp).put("signature", keys.sign(timestamp, bytes))
                    .put("body", new String(bytes, StandardCharsets.UTF_8));
        }
        return AlertsInUaBodies.bytes(requests);
    }

    /** The headers of one request of {@link #requests}, from its timestamp and signature. */
    public static Map<String, String> headers(long timestamp, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SIGNATURE, signature);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(ALGORITHM, "rsa-sha256");
        return headers;
    }
}
