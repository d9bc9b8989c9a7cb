package dev.airalert.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.threat.ThreatType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a ukrainealarm-style webhook receives for one event: one request per region it changed
 * (its ukrainealarm id), each {@code {"regionId", "alarmType", "status", "createdAt",
 * "activeAlertLevels"}}, {@code status} {@code ACTIVATE} (an alert or update) or
 * {@code DEACTIVATE} (an all-clear), {@code activeAlertLevels} the region's levels as they
 * stand when the request is sent; signed with {@link WebhookKeys}.
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
     * The requests' bodies as one JSON array (its elements are sent one by one). Blocking: may
     * read what is in force.
     */
    public byte[] bodies(String eventType, Instant createdAt, String threatType, Collection<String> regionCodes) {
        String status = "alert.cancelled".equals(eventType) ? "DEACTIVATE" : "ACTIVATE";
        String alarmType = UkraineAlarmBodies.type(ThreatType.fromWire(threatType).orElse(ThreatType.AIR_RAID));
        Set<Locations.Location> changed = new LinkedHashSet<>();
        regionCodes.stream().sorted().forEach(code -> locations.standingFor(code).stream()
                .filter(l -> l.regionId() != null).forEach(changed::add));
        ActiveThreats.Snapshot now = threats.now();
        ArrayNode bodies = AlertsInUaBodies.JSON.createArrayNode();
        for (Locations.Location location : changed) {
            ObjectNode body = bodies.addObject();
            body.put("regionId", location.regionId());
            body.put("regionType", UkraineAlarmBodies.regionType(location));
            body.put("alarmType", alarmType);
            body.put("status", status);
            body.put("createdAt", UkraineAlarmBodies.time(createdAt));
            ArrayNode levels = body.putArray("activeAlertLevels");
            for (ActiveThreats.Active a : now.active) {
                if (a.level() != null && locations.standingFor(a.code()).contains(location)) {
                    levels.addObject().put("alertLevel", UkraineAlarmBodies.level(a.level()))
                            .put("reason", a.reason() != null ? a.reason() : UkraineAlarmBodies.defaultReason(a.level()))
                            .put("createdAt", UkraineAlarmBodies.time(a.startedAt()));
                }
            }
        }
        return AlertsInUaBodies.bytes(bodies);
    }

    /** The headers that sign one request's body. */
    public Map<String, String> headers(byte[] body, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SIGNATURE, keys.sign(timestamp, body));
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(ALGORITHM, "rsa-sha256");
        return headers;
    }
}
