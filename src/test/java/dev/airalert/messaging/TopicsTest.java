package dev.airalert.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void eventsBecomeRoutingWords() {
        assertEquals("air_raid", Topics.word("Air raid!"));
        assertEquals("повітряна_тривога", Topics.word("Повітряна тривога"));
    }

    @Test
    void theLongestEventStillMakesARoutingKeyABrokerTakes() {
        // The longest event ingest allows, in letters of two bytes: once a routing key over 255
        // bytes, which RabbitMQ refused, so the event was published again and again.
        String word = Topics.word("Ї".repeat(256));
        assertTrue(word.getBytes(StandardCharsets.UTF_8).length <= Topics.WORD_BYTES, word);
        assertEquals("ї".repeat(50), word);
        String key = "alert.UA.UA-30." + word;
        assertTrue(key.getBytes(StandardCharsets.UTF_8).length <= 255);
        assertEquals("a".repeat(99), Topics.word("a".repeat(99) + " b"), "no trailing separator where it was cut");
    }
}
