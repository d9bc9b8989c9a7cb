package dev.airalert.status;

import java.util.List;

/**
 * The compact form of region states, for devices with little memory and slow links: one
 * character per region, {@code A} active, {@code P} partial, {@code N} none, in an order the
 * caller fixes and the device knows beforehand (so the text carries no codes). Runs of equal
 * characters, which neighbouring regions in codifier order tend to form, compress well.
 */
public final class CompactStatus {

    public static final char ACTIVE = 'A';
    public static final char PARTIAL = 'P';
    public static final char NONE = 'N';

    private CompactStatus() {
    }

    /** One character per code, in the order given; a code no region has reads as none. */
    public static String render(List<String> codes, RegionStates states) {
        return render(codes, states, NONE);
    }

    /**
     * As {@link #render(List, RegionStates)}, with {@code absent} where the list holds null:
     * a position the device's table leaves unused (alerts.in.ua's location ids have gaps).
     */
    public static String render(List<String> codes, RegionStates states, char absent) {
        StringBuilder text = new StringBuilder(codes.size());
        for (String code : codes) {
            text.append(code == null ? absent : character(states.of(code).state()));
        }
        return text.toString();
    }

    public static char character(RegionState.State state) {
        return switch (state) {
            case ACTIVE -> ACTIVE;
            case PARTIAL -> PARTIAL;
            case NONE -> NONE;
        };
    }
}
