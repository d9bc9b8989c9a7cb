package dev.airalert.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What the MQTT broker holds retained on the place state topics, so that a state is published
 * only when it changes: a country-wide alert sets some 1,600 places' states once, and the next
 * one, which changes none of them, sends none. Known from reading the topics back
 * ({@link RetainedStateReader}, which also hears what other instances publish and forgets it
 * all when the connection to the broker drops: a broker that lost its retained messages is
 * told again), overlaid by what this instance sent and the broker has not echoed yet (so that
 * an active sent a moment ago and a clear computed now are not taken as "no change"). Unknown
 * means publish: a duplicate is cheap, a missing change is not.
 */
@ApplicationScoped
class RetainedStates {

    /** A sent state the broker has not echoed: its payload (to know the echo) and state word. */
    private record Sent(String payload, String state, long at) {
    }

    private final ObjectMapper json;
    private final Map<String, String> held = new HashMap<>();
    private final Map<String, Deque<Sent>> sent = new HashMap<>();
    private boolean listening;

    RetainedStates(ObjectMapper json) {
        this.json = json;
    }

    /** Whether the topic holds (or is about to hold) this state; false when not known (the reader is away). */
    synchronized boolean holds(String topic, String state) {
        if (!listening) {
            return false;
        }
        Deque<Sent> mine = sent.get(topic);
        if (mine != null && !mine.isEmpty()) {
            return mine.peekLast().state().equals(state);
        }
        return state.equals(held.get(topic));
    }

    /** This instance is publishing the payload (carrying {@code state}) retained on the topic. */
    synchronized void sending(String topic, String payload, String state) {
        long now = System.nanoTime();
        Deque<Sent> mine = sent.computeIfAbsent(topic, t -> new ArrayDeque<>());
        // An echo that never comes (the reader is away) must not pin the topic's state for ever.
        while (!mine.isEmpty() && now - mine.peekFirst().at() > Publishing.Window.GIVE_UP.toNanos()) {
            mine.pollFirst();
        }
        mine.addLast(new Sent(payload, state, now));
    }

    /** Publishing it failed: the broker holds what it held. */
    synchronized void failed(String topic, String payload) {
        Deque<Sent> mine = sent.get(topic);
        if (mine != null) {
            mine.removeIf(s -> s.payload().equals(payload));
            if (mine.isEmpty()) {
                sent.remove(topic);
            }
        }
    }

    /** The broker delivered this retained or live state: from this instance or another; empty when removed. */
    synchronized void heard(String topic, String payload) {
        if (payload.isEmpty()) {
            held.remove(topic);
        } else {
            held.put(topic, stateOf(payload));
        }
        Deque<Sent> mine = sent.get(topic);
        if (mine != null && mine.stream().anyMatch(s -> s.payload().equals(payload))) {
            // Ours, and those sent before it have arrived before it (a topic's messages keep their order).
            while (!mine.pollFirst().payload().equals(payload)) {
                // dropped
            }
            if (mine.isEmpty()) {
                sent.remove(topic);
            }
        }
    }

    /** Reading the topics (again): what they hold is learnt from the retained messages that follow. */
    synchronized void listening() {
        held.clear();
        listening = true;
    }

    /** The reader lost the broker: nothing it held is known any more (a restarted broker may hold nothing). */
    synchronized void deaf() {
        held.clear();
        listening = false;
    }

    private String stateOf(String payload) {
        try {
            return json.readTree(payload).path("state").asText("");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "";
        }
    }
}
