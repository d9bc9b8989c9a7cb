package dev.airalert.region;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What kind of place a region is. */
public enum RegionKind {
    COUNTRY("country"),
    OBLAST("oblast"),
    /** A city with special status (Kyiv, Sevastopol): at the level of an oblast. */
    CITY("city"),
    AUTONOMOUS_REPUBLIC("autonomous-republic"),
    /** A district (район), below an oblast. */
    RAION("raion"),
    /** A territorial community (територіальна громада), below a raion: where alerts are raised. */
    HROMADA("hromada"),
    /** Anything a loaded file names that airalert has no special word for. */
    OTHER("other");

    private final String code;

    RegionKind(String code) {
        this.code = code;
    }

    /** A raion or a hromada: below the oblast level, which maps and the default status show. */
    public boolean isBelowOblast() {
        return this == RAION || this == HROMADA;
    }

    @JsonValue
    public String code() {
        return code;
    }

    static RegionKind fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst().orElse(OTHER);
    }
}
