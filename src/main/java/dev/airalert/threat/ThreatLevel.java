package dev.airalert.threat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How grave an air threat is, as ukrainealarm grades it: {@link #YELLOW} a drone threat,
 * {@link #RED} a missile threat. Most alerts have none.
 */
public enum ThreatLevel {
    YELLOW, RED;

    public static final List<String> WIRE_NAMES = Arrays.stream(values()).map(ThreatLevel::wire).toList();

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level with this wire name, in any letter case. */
    public static Optional<ThreatLevel> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim();
        return Arrays.stream(values()).filter(l -> l.wire().equalsIgnoreCase(key)).findFirst();
    }
}
