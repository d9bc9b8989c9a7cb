package dev.airalert.delivery;

import dev.airalert.outbox.SendSlots;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claims due deliveries from the queue (retries, chains that waited, work of instances that
 * died) for the dispatch thread: in batches as there are free slots, each endpoint within its
 * share, because a round trip per freed slot would make the database the limit. When nothing
 * is due, now and then sweeps the queue of rows no claim gives out.
 */
@ApplicationScoped
class DueDeliveries {

    private static final int BATCH = 500;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final DeliveryQueue queue;
    private final RevokedSubscriptions revoked;
    private Instant nextSweep = Instant.EPOCH;

    DueDeliveries(DeliveryQueue queue, RevokedSubscriptions revoked) {
        this.queue = queue;
        this.revoked = revoked;
    }

    /** Claims what the free slots can take, leased until {@code leaseUntil}; none when too few slots are free. */
    List<Outgoing> claim(SendSlots<UUID> slots, Instant now, Instant leaseUntil) throws SQLException {
        int free = slots.free();
        if (free <= 0 || (slots.inFlight() > 0 && free < Math.min(64, slots.max() / 4))) {
            return List.of();
        }
        Map<UUID, Integer> takenNow = new HashMap<>();
        List<Outgoing> claimed = queue.claim(Math.min(free, BATCH), now, leaseUntil, subscription -> {
            if (slots.busy(subscription) + takenNow.getOrDefault(subscription, 0) >= slots.perTarget()) {
                return false;
            }
            takenNow.merge(subscription, 1, Integer::sum);
            return true;
        });
        if (claimed.isEmpty() && now.isAfter(nextSweep)) {
            nextSweep = now.plus(SWEEP_EVERY);
            queue.sweepOrphans(now);
            revoked.forgetBefore(now.minus(SWEEP_EVERY.multipliedBy(10)));
        }
        return claimed;
    }
}
