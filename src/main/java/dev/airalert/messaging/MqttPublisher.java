package dev.airalert.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.AirAlertConfig;
import dev.airalert.alert.AlertHistory;
import dev.airalert.alert.AlertView;
import dev.airalert.cap.CapInfo;
import dev.airalert.event.EventLog;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.smallrye.reactive.messaging.mqtt.SendingMqttMessageMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * MQTT, for sirens, LED maps and small devices: the event on {@code alerts/<country>/<region>}
 * (QoS 1) for every covered region, and the region's state after it, retained, on
 * {@code alerts/<country>/<region>/state}: {@code active} with the alerts active there now,
 * or {@code clear}. A device that connects late reads the state at once.
 */
@ApplicationScoped
class MqttPublisher implements BrokerPublisher {

    static final int STATE_ALERTS = 20;

    private final Emitter<String> emitter;
    private final boolean enabled;
    private final AlertHistory history;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    MqttPublisher(@Channel("alerts-mqtt") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 65_536)
            Emitter<String> emitter, AirAlertConfig config, AlertHistory history, ObjectMapper json) {
        this.emitter = emitter;
        this.enabled = config.messaging().mqtt().enabled();
        this.history = history;
        this.json = json;
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    /**
     * Each event on its regions' topics, then each region's state once for the whole batch
     * (a burst of alerts for one region sends its state once, not once per alert). An event
     * is done when its messages and its regions' states were acknowledged.
     */
    @Override
    public List<CompletableFuture<Void>> publish(List<EventLog.Entry> events) {
        Map<String, CompletableFuture<Void>> states = new LinkedHashMap<>();
        List<List<CompletableFuture<Void>>> perEvent = new ArrayList<>();
        for (EventLog.Entry event : events) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (String region : event.regions()) {
                acks.add(send(topic(region), event.body(), false));
                acks.add(states.computeIfAbsent(region, r -> new CompletableFuture<>()));
            }
            perEvent.add(acks);
        }
        states.forEach((region, acked) -> send(topic(region) + "/state", state(region), true)
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        acked.complete(null);
                    } else {
                        acked.completeExceptionally(failure);
                    }
                }));
        return perEvent.stream().map(acks -> CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))).toList();
    }

    private static String topic(String region) {
        return "alerts/" + Topics.country(region) + "/" + region;
    }

    private CompletableFuture<Void> send(String topic, String payload, boolean retain) {
        return Publishing.send(emitter, payload,
                Metadata.of(new SendingMqttMessageMetadata(topic, MqttQoS.AT_LEAST_ONCE, retain)));
    }

    /**
     * The region's state now: {@code active} or {@code clear}, how many alerts are active,
     * and the newest {@value #STATE_ALERTS} of them in brief (a device needs the gist).
     */
    private String state(String region) {
        List<AlertView> active = history.activeIn(Set.of(region), null);
        ObjectNode state = json.createObjectNode();
        state.put("region", region);
        state.put("country", Topics.country(region));
        state.put("state", active.isEmpty() ? "clear" : "active");
        state.put("activeAlerts", active.size());
        state.put("updatedAt", clock.instant().toString());
        ArrayNode alerts = state.putArray("alerts");
        for (AlertView a : active.subList(0, Math.min(STATE_ALERTS, active.size()))) {
            ObjectNode brief = alerts.addObject();
            brief.put("id", a.id().toString());
            brief.put("sender", a.alert().sender());
            brief.put("sent", a.alert().sent());
            if (!a.alert().info().isEmpty()) {
                CapInfo info = a.alert().info().get(0);
                brief.put("event", info.event());
                brief.put("severity", info.severity());
                brief.put("urgency", info.urgency());
                brief.put("headline", info.headline());
                brief.put("instruction", info.instruction());
                brief.put("expires", info.expires());
            }
        }
        try {
            return json.writeValueAsString(state);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A state always serialises", e);
        }
    }
}
