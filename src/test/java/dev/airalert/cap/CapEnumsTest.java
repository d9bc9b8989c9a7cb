package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CapEnumsTest {

    @Test
    void severityRanksFromExtremeDownToUnknown() {
        assertEquals(4, CapEnums.severityRank("Extreme"));
        assertEquals(3, CapEnums.severityRank("Severe"));
        assertEquals(2, CapEnums.severityRank("Moderate"));
        assertEquals(1, CapEnums.severityRank("Minor"));
        assertEquals(0, CapEnums.severityRank("Unknown"));
    }

    @Test
    void anythingElseIsNotRankedQuietly() {
        assertThrows(IllegalArgumentException.class, () -> CapEnums.severityRank("severe"));
        assertThrows(IllegalArgumentException.class, () -> CapEnums.severityRank(null));
    }
}
