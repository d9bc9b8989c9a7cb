package dev.airalert.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.cap.CapInfo;
import dev.airalert.cap.CapLanguages;
import java.time.Instant;
import java.util.List;

/**
 * The body receivers get: {@code {"type", "id", "timestamp", "data"}}, data being the alert
 * with its infos narrowed to the subscriber's languages (all of them when none matches).
 * Built from the stored event, so every retry sends the same bytes.
 */
public final class EventBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBody() {
    }

    public static String of(String type, String eventId, Instant createdAt, String payload, List<String> languages) {
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("type", type);
            body.put("id", eventId);
            body.put("timestamp", createdAt.toString());
            body.set("data", narrowed(payload, languages));
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event payloads are JSON", e);
        }
    }

    /** The alert alone, its infos narrowed to these languages (all of them when none matches). */
    public static String alert(String payload, List<String> languages) {
        if (languages.isEmpty()) {
            return payload;
        }
        try {
            return JSON.writeValueAsString(narrowed(payload, languages));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event payloads are JSON", e);
        }
    }

    private static JsonNode narrowed(String payload, List<String> languages) throws JsonProcessingException {
        JsonNode data = JSON.readTree(payload);
        if (!languages.isEmpty() && data instanceof ObjectNode alert && alert.get("info") instanceof ArrayNode infos) {
            ArrayNode kept = JSON.createArrayNode();
            infos.forEach(info -> {
                String language = info.path("language").asText(CapInfo.DEFAULT_LANGUAGE);
                if (languages.stream().anyMatch(wanted -> CapLanguages.matches(language, wanted))) {
                    kept.add(info);
                }
            });
            if (!kept.isEmpty()) {
                alert.set("info", kept);
            }
        }
        return data;
    }
}
