package dev.airalert.cap;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * CAP {@code <references>}: {@code sender,identifier,sent} entries separated by white space. The
 * one reader of that text, for the validator, the store and the event log alike.
 */
public final class CapReferences {

    /** One entry, as written. */
    public record Entry(String sender, String identifier, String sent) {
    }

    private CapReferences() {
    }

    /** The entries as written; none for an absent or blank text. */
    public static List<String> entries(String references) {
        return references == null || references.isBlank() ? List.of() : Arrays.asList(references.trim().split("\\s+"));
    }

    /** An entry's three parts (each possibly empty), or empty when it does not have exactly three. */
    public static Optional<Entry> parse(String entry) {
        String[] parts = entry.split(",", -1);
        return parts.length == 3 ? Optional.of(new Entry(parts[0], parts[1], parts[2])) : Optional.empty();
    }

    /** Every entry of a validated text (the validator refuses one that is not three parts). */
    public static List<Entry> all(String references) {
        return entries(references).stream()
                .map(e -> parse(e).orElseThrow(() -> new IllegalArgumentException("not sender,identifier,sent: " + e)))
                .toList();
    }
}
