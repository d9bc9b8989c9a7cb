package dev.airalert.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLimitsTest {

    private final ObjectMapper mapper = JsonLimits.apply(new ObjectMapper());

    @Test
    void nestingDeeperThanAnyDocumentIsRefusedInWords() throws Exception {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readTree("[".repeat(33) + "]".repeat(33)));
        assertEquals("nests deeper than 32 levels", JsonLimits.message(JsonLimits.cause(e)));
        mapper.readTree("[".repeat(32) + "]".repeat(32));
    }

    @Test
    void aNumberLongerThanAnyWeStoreIsRefusedInWords() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readTree("{\"a\": " + "9".repeat(1001) + "}"));
        assertEquals("has a number longer than 64 characters", JsonLimits.message(JsonLimits.cause(e)));
    }

    @Test
    void aRepeatedKeyIsNamedWhereItRepeats() throws Exception {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"a\": {\"b\": [{\"c\": 1, \"c\": 2}]}}", Map.class));
        assertEquals("a.b[0].c", JsonLimits.field(JsonLimits.cause(e)));
        assertEquals("appears twice in the same object; each key may be given once",
                JsonLimits.message(JsonLimits.cause(e)));
        JsonNode fine = mapper.readTree("{\"a\": 1, \"b\": {\"a\": 2}}");
        assertEquals(2, fine.path("b").path("a").asInt());
    }

    @Test
    void textXmlCannotCarryIsFoundAndReplaced() {
        assertEquals(-1, XmlText.firstIllegal("Повітряна тривога \uD83D\uDEA8\ttab\nline"));
        assertEquals(3, XmlText.firstIllegal("air\u0000raid"));
        assertEquals(1, XmlText.firstIllegal("a\uD800b"), "a lone surrogate");
        assertEquals("air\uFFFDraid \uD83D\uDEA8", XmlText.writable("air\u0001raid \uD83D\uDEA8"));
        assertEquals("a\uFFFDb\uFFFD", XmlText.writable("a\uFFFEb\uDC00"));
    }
}
