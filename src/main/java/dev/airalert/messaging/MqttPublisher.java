package dev.airalert.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * MQTT, for sirens, LED maps and small devices, QoS 1, in two schemes. The event on
 * {@code alerts/<country>/<oblast>} for every oblast-level region it covers (a raion's or
 * hromada's alert under its oblast), and that region's state after it, retained, on
 * {@code alerts/<country>/<oblast>/state}: {@code active} with the alerts active in it now
 * (its own and those of places inside it), or {@code clear}. And the event on
 * {@code places/<country>/<oblast>/<raion|_>/<hromada|_>} for every place it makes active
 * ({@link Places}), and the state of every place whose state it may change (those and the
 * places they lie in) retained on that topic's {@code /state}: {@code active}, {@code partial}
 * or {@code clear} ({@link PlaceStates}), sent only when it is not what the broker holds
 * ({@link RetainedStates}). A device that connects late reads the state at once.
 */
@ApplicationScoped
class MqttPublisher implements BrokerPublisher {

    static final int STATE_ALERTS = 20;

    private final Emitter<String> emitter;
    private final boolean enabled;
    private final AlertHistory history;
    private final EventLog eventLog;
    private final Places places;
    private final RetainedStates retained;
    private final ObjectMapper json;
    private final Clock clock = Clocks.UTC;
    private final Publishing.Window window = new Publishing.Window(BrokerRelay.UNCONFIRMED, BrokerRelay.CONFIRM_TIMEOUT);

    MqttPublisher(@Channel("alerts-mqtt") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 65_536)
            Emitter<String> emitter, AirAlertConfig config, AlertHistory history, EventLog eventLog, Places places,
            RetainedStates retained, ObjectMapper json) {
        this.emitter = emitter;
        this.enabled = config.messaging().mqtt().enabled();
        this.history = history;
        this.eventLog = eventLog;
        this.places = places;
        this.retained = retained;
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
     * Each event on its topics, then each state once for the whole batch (a burst of alerts
     * for one region sends its state once, not once per alert). An event is done when its
     * messages and the states it touched were acknowledged.
     */
    @Override
    public List<CompletableFuture<Void>> publish(List<EventLog.Entry> events) {
        Publishing.Window.Round round = window.round();
        Map<Long, Set<String>> inPart = eventLog.coveredInPart(events);
        Map<String, CompletableFuture<Void>> regionStates = new LinkedHashMap<>();
        Map<String, CompletableFuture<Void>> placeStates = new LinkedHashMap<>();
        List<List<CompletableFuture<Void>>> perEvent = new ArrayList<>();
        for (EventLog.Entry event : events) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (String region : places.oblastLevel(event.regions())) {
                acks.add(send(round, topic(region), event.body(), false));
                acks.add(regionStates.computeIfAbsent(region, r -> new CompletableFuture<>()));
            }
            Set<String> reached = places.reached(event.regions(), inPart.getOrDefault(event.seq(), Set.of()));
            Set<String> touched = new LinkedHashSet<>(reached);
            for (String code : reached) {
                acks.add(send(round, places.place(code).orElseThrow().topic(), event.body(), false));
            }
            event.regions().forEach(region -> touched.addAll(places.above(region)));
            touched.forEach(code -> acks.add(placeStates.computeIfAbsent(code, c -> new CompletableFuture<>())));
            perEvent.add(acks);
        }
        regionStates.forEach((region, acked) -> follow(send(round, topic(region) + "/state", state(region), true), acked));
        if (!placeStates.isEmpty()) {
            PlaceStates.of(placeStates.keySet(), history.activeCoverage(), places).forEach((code, state) ->
                    follow(sendState(round, places.place(code).orElseThrow(), state), placeStates.get(code)));
        }
        return perEvent.stream().map(acks -> CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))).toList();
    }

    /** The place's state, retained, unless the broker holds it already. */
    private CompletableFuture<Void> sendState(Publishing.Window.Round round, Places.Place place, PlaceStates.State state) {
        String topic = place.topic() + "/state";
        if (retained.holds(topic, state.code())) {
            return CompletableFuture.completedFuture(null);
        }
        String payload = PlaceStates.payload(json, place, state, clock.instant());
        retained.sending(topic, payload, state.code());
        CompletableFuture<Void> acked = send(round, topic, payload, true);
        acked.whenComplete((ok, failure) -> {
            if (failure != null) {
                retained.failed(topic, payload);
            }
        });
        return acked;
    }

    private static void follow(CompletableFuture<Void> sent, CompletableFuture<Void> acked) {
        sent.whenComplete((ok, failure) -> {
            if (failure == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(failure);
            }
        });
    }

    private static String topic(String region) {
        return "alerts/" + Topics.country(region) + "/" + region;
    }

    private CompletableFuture<Void> send(Publishing.Window.Round round, String topic, String payload, boolean retain) {
        return round.send(emitter, payload,
                Metadata.of(new SendingMqttMessageMetadata(topic, MqttQoS.AT_LEAST_ONCE, retain)));
    }

    /**
     * The oblast-level region's state now: {@code active} or {@code clear}, how many alerts are
     * active in it (its own and those of places inside it, as when those were stored on it), and
     * the newest {@value #STATE_ALERTS} of them in brief (a device needs the gist).
     */
    private String state(String region) {
        List<AlertView> active = history.activeIn(places.within(region), null);
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
