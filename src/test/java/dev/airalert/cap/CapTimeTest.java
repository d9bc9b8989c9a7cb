package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CapTimeTest {

    @Test
    void capTimesParseWithTheirOffset() {
        assertEquals(OffsetDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneOffset.ofHours(2)),
                CapTime.parse("2026-11-25T08:00:00+02:00"));
        assertEquals(ZoneOffset.UTC, CapTime.parse("2012-05-02T23:21:04-00:00").getOffset());
        assertTrue(CapTime.isValid("2012-05-02T23:21:04-00:00"));
    }

    @Test
    void nonCapSpellingsAndImpossibleDatesAreRefused() {
        for (String text : new String[] {null, "", "2026-11-25T08:00:00Z", "2026-11-25T08:00+02:00",
                "2026-11-25T08:00:00.000+02:00", "2026-02-29T08:00:00+02:00", "2026-11-25T08:00:00+18:30",
                "２０２６-11-25T08:00:00+02:00"}) {
            assertFalse(CapTime.isValid(text), text);
            assertThrows(IllegalArgumentException.class, () -> CapTime.parse(text), text);
        }
        assertTrue(CapTime.isValid("2028-02-29T08:00:00+02:00"));
    }
}
