package dev.airalert.cap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.web.FieldError;
import dev.airalert.web.JsonLimits;
import dev.airalert.web.JsonPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JSON mirror of CAP: strict on the way in (unknown fields are errors, so a typo in
 * {@code "severty"} is reported instead of silently dropped) and canonical on the way out
 * (fixed field order, empty fields omitted), which makes the stored form comparable for
 * idempotency.
 */
public final class CapJson {

    private static final ObjectMapper MAPPER = JsonLimits.apply(JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build());

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CapJson() {
    }

    /** Reads a published JSON alert; throws {@link CapFormatException} naming the bad field. */
    public static CapAlert read(byte[] json) {
        try {
            CapAlert alert = MAPPER.readValue(json, CapAlert.class);
            if (alert == null) {
                throw malformed("body", "must be a JSON object");
            }
            return alert;
        } catch (JsonMappingException e) {
            if (JsonLimits.cause(e) != e) {
                throw malformed(JsonLimits.field(JsonLimits.cause(e)), JsonLimits.message(JsonLimits.cause(e)));
            }
            String field = JsonPaths.of(e);
            throw malformed(field, field.equals("body") ? "is not a CAP alert object"
                    : "is not a CAP field or has the wrong type");
        } catch (JsonProcessingException e) {
            throw malformed(JsonLimits.field(e), JsonLimits.message(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical JSON text of an alert, as stored. */
    public static String write(CapAlert alert) {
        try {
            return MAPPER.writeValueAsString(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CAP records always serialise", e);
        }
    }

    /**
     * A form of the alert for deciding whether two submissions are the same alert: runs
     * of whitespace inside values count as one space, because the same notice re-indented
     * or re-wrapped by a relay is still the same notice.
     */
    public static String comparable(CapAlert alert) {
        JsonNode tree = MAPPER.valueToTree(alert);
        collapseWhitespace(tree);
        return tree.toString();
    }

    private static void collapseWhitespace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.put(name, WHITESPACE.matcher(child.asText()).replaceAll(" ").trim());
                } else {
                    collapseWhitespace(child);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    array.set(i, WHITESPACE.matcher(child.asText()).replaceAll(" ").trim());
                } else {
                    collapseWhitespace(child);
                }
            }
        }
    }

    /** Reads back what {@link #write} stored. */
    public static CapAlert readStored(String json) {
        try {
            return MAPPER.readValue(json, CapAlert.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored alert document is not readable", e);
        }
    }

    private static CapFormatException malformed(String field, String message) {
        return new CapFormatException(CapFormatException.Kind.MALFORMED, field + ": " + message,
                List.of(new FieldError(field, message)));
    }
}
