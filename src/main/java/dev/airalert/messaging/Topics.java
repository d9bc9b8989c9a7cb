package dev.airalert.messaging;

import dev.airalert.event.EventLog;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an event covers, in the words brokers route by: region codes (ISO 3166-2 such as
 * {@code UA-30}, or a country code), their country, CAP event names made into routing
 * words ({@code "air raid"} becomes {@code air_raid}), and threat types ({@code drones}).
 */
final class Topics {

    /** A routing word's longest form, so that {@code alert.<country>.<region>.<word>} stays far inside 255 bytes. */
    static final int WORD_BYTES = 100;

    private Topics() {
    }

    /** The event's CAP event names as routing words; {@code alert} when none is named. */
    static Set<String> events(EventLog.Entry event) {
        Set<String> events = new TreeSet<>();
        event.events().forEach(e -> events.add(word(e)));
        events.remove("");
        return events.isEmpty() ? Set.of("alert") : events;
    }

    /**
     * The event's threat types ({@link dev.airalert.threat.ThreatType#wire}: routing words as
     * they are); {@code air_raid} for an event of a replica that did not know them yet.
     */
    static Set<String> threats(EventLog.Entry event) {
        return event.threats().isEmpty() ? Set.of("air_raid") : new TreeSet<>(event.threats());
    }

    /** The country of a region code: {@code UA} for {@code UA-30} and for {@code UA}. */
    static String country(String region) {
        int dash = region.indexOf('-');
        return dash < 0 ? region : region.substring(0, dash);
    }

    /**
     * Lower case letters and digits, runs of anything else one underscore, at most
     * {@link #WORD_BYTES} bytes of UTF-8: safe in routing keys and topics (an AMQP routing key
     * holds 255 bytes, and a CAP event may be 256 characters of two bytes each).
     */
    static String word(String text) {
        String word = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
        word = word.replaceAll("^_+|_+$", "");
        int bytes = 0;
        int end = 0;
        while (end < word.length()) {
            int codePoint = word.codePointAt(end);
            bytes += new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > WORD_BYTES) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return word.substring(0, end).replaceAll("_+$", "");
    }
}
