package dev.airalert.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryIdsTest {

    @Test
    void idsAreVersion7WithTheTimeFirst() {
        UUID first = DeliveryIds.next();
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        long millis = first.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 60_000, "the first 48 bits are the time");
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() <= now) {
            Thread.onSpinWait(); // into the next millisecond
        }
        UUID later = DeliveryIds.next();
        assertTrue(Long.compareUnsigned(later.getMostSignificantBits(), first.getMostSignificantBits()) > 0,
                "a later id sorts after an earlier one");
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(DeliveryIds.next());
        }
        assertEquals(10_000, many.size());
    }
}
