package dev.airalert.status;

import dev.airalert.region.Region;
import dev.airalert.region.RegionKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A level of the region hierarchy a status request asks for ({@code ?level=}). */
enum StatusLevel {
    /** Countries, oblasts, the cities with special status, the autonomous republic, foreign regions: what the map shows. */
    OBLAST,
    RAION,
    HROMADA;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean includes(Region region) {
        return switch (this) {
            case OBLAST -> !region.kind().isBelowOblast();
            case RAION -> region.kind() == RegionKind.RAION;
            case HROMADA -> region.kind() == RegionKind.HROMADA;
        };
    }

    static Optional<StatusLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }
}
