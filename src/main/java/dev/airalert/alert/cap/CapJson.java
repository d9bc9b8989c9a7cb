package dev.airalert.alert.cap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.airalert.web.JsonPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON mirror of CAP: strict on the way in (unknown fields are errors, so a typo in
 * {@code "severty"} is reported instead of silently dropped) and canonical on the way out
 * (fixed field order, empty fields omitted), which makes the stored form comparable for
 * idempotency.
 */
public final class CapJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
            String field = JsonPaths.of(e);
            throw malformed(field, field.equals("body") ? "is not a CAP alert object"
                    : "is not a CAP field or has the wrong type");
        } catch (JsonProcessingException e) {
            throw malformed("body", "is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
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
