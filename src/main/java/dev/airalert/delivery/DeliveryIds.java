package dev.airalert.delivery;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivery ids as UUID version 7 (RFC 9562): the time in milliseconds first, then random
 * bits. A fan-out inserts thousands of deliveries at once; ids that grow with time land at
 * the end of the primary-key index instead of at random pages all over it.
 */
final class DeliveryIds {

    private DeliveryIds() {
    }

    static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
