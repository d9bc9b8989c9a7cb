package dev.airalert.messaging;

import dev.airalert.delivery.EventLog;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an event covers, in the words brokers route by: region codes (ISO 3166-2 such as
 * {@code UA-30}, or a country code), their country, and CAP event names made into routing
 * words ({@code "air raid"} becomes {@code air_raid}).
 */
final class Topics {

    private Topics() {
    }

    /** The event's CAP event names as routing words; {@code alert} when none is named. */
    static Set<String> events(EventLog.Entry event) {
        Set<String> events = new TreeSet<>();
        event.events().forEach(e -> events.add(word(e)));
        events.remove("");
        return events.isEmpty() ? Set.of("alert") : events;
    }

    /** The country of a region code: {@code UA} for {@code UA-30} and for {@code UA}. */
    static String country(String region) {
        int dash = region.indexOf('-');
        return dash < 0 ? region : region.substring(0, dash);
    }

    /** Lower case letters and digits, runs of anything else one underscore: safe in routing keys and topics. */
    static String word(String text) {
        String word = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
        return word.replaceAll("^_+|_+$", "");
    }
}
