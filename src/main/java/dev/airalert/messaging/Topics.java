package dev.airalert.messaging;

import dev.airalert.alert.AlertView;
import java.util.List;
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

    /** The regions of the event's alerts (an all-clear without areas covers what its alert covered). */
    static Set<String> regions(List<AlertView> alerts) {
        Set<String> regions = new TreeSet<>();
        alerts.forEach(a -> regions.addAll(a.regions()));
        return regions;
    }

    /** The events named in the alerts' infos, as routing words; {@code alert} when none is named. */
    static Set<String> events(List<AlertView> alerts) {
        Set<String> events = new TreeSet<>();
        alerts.forEach(a -> a.alert().info().forEach(i -> events.add(word(i.event()))));
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
