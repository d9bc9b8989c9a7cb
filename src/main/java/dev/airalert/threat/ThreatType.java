package dev.airalert.threat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of danger an alert warns of, in the words alerts.in.ua uses for its five kinds and
 * finer kinds for an air threat. Every alert has exactly one; {@link #INFO} is a notice that
 * warns of no danger. {@link #wire()} is the name in the API, filters and routing keys.
 */
public enum ThreatType {
    AIR_RAID, ARTILLERY_SHELLING, URBAN_FIGHTS, CHEMICAL, NUCLEAR,
    DRONES, MISSILES, BALLISTIC, GUIDED_BOMBS, TACTICAL_AVIATION,
    INFO;

    /** Every wire name, in declaration order, for messages and the API description. */
    public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(ThreatType::wire).toList();

    /** The name in the API: {@code air_raid}, {@code guided_bombs}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A threat from the air: the finer kinds are kinds of air raid, and sirens sound the same for all. */
    public boolean fromTheAir() {
        return this == AIR_RAID || this == DRONES || this == MISSILES || this == BALLISTIC
                || this == GUIDED_BOMBS || this == TACTICAL_AVIATION;
    }

    /** The type with this wire name, in any letter case. */
    public static Optional<ThreatType> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim();
        return Arrays.stream(values()).filter(t -> t.wire().equalsIgnoreCase(key)).findFirst();
    }
}
