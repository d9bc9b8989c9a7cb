package dev.airalert.region;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What kind of place a region is. */
public enum RegionKind {
    COUNTRY("country"),
    OBLAST("oblast"),
    CITY("city"),
    AUTONOMOUS_REPUBLIC("autonomous-republic"),
    /** Anything a loaded file names that airalert has no special word for. */
    OTHER("other");

    private final String code;

    RegionKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    static RegionKind fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst().orElse(OTHER);
    }
}
