package dev.airalert.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.region.AreaResolution;
import dev.airalert.region.Resolution;
import java.util.List;

/** How an alert's areas were resolved, stored as JSON beside the alert. */
final class ResolutionJson {

    /** The stored form: each area's resolution and the areas nothing matched. */
    record Stored(List<AreaResolution> areas, List<String> unresolvedAreas) {
        static final Stored NONE = new Stored(List.of(), List.of());
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Stored> TYPE = new TypeReference<>() { };

    private ResolutionJson() {
    }

    /** The stored form of a resolution (its region codes are stored apart, as index rows). */
    static String write(Resolution resolution) {
        return write(new Stored(resolution.areas(), resolution.unresolvedAreas()));
    }

    static String write(Stored stored) {
        try {
            return MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Resolution records always serialise", e);
        }
    }

    static Stored read(String json) {
        if (json == null) {
            return Stored.NONE;
        }
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored area resolution is not readable", e);
        }
    }
}
