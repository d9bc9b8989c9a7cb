package dev.airalert.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The rows a delivery gets early. A delivery handed straight from the fan-out has no row until
 * its first outcome is recorded; one whose first attempt takes longer than {@link #AFTER} gets a
 * pending row (and a queue row leased to this instance) before, so that its event can leave the
 * outbox and a chain's next event need not wait for a slow endpoint. Kept here: the handed
 * deliveries in the order they were handed, and which of them have their row.
 *
 * <p>{@link #handed} runs on the fan-out thread, {@link #hasRow} on any, the rest on the
 * outcome thread.
 */
@ApplicationScoped
class EarlyRows {

    /** A handed delivery without an outcome after this long gets its row anyway. */
    static final Duration AFTER = Duration.ofSeconds(1);

    private final ConcurrentLinkedQueue<Outgoing> handed = new ConcurrentLinkedQueue<>();
    /** Handed deliveries that got their row before their outcome came. */
    private final Set<UUID> rowed = ConcurrentHashMap.newKeySet();
    /** Handed deliveries recorded while still younger than AFTER: not to get an early row. */
    private final Set<UUID> recordedEarly = new HashSet<>();

    void handed(List<Outgoing> deliveries) {
        handed.addAll(deliveries);
    }

    /** Whether the delivery's row exists: it was claimed from the queue, or got its row early. */
    boolean hasRow(Outgoing delivery) {
        return delivery.handoff() == null || rowed.contains(delivery.deliveryId());
    }

    /** Adds to the batch the handed deliveries that are due for an early row: old enough, no outcome in it. */
    void takeDue(OutcomeBatch batch) {
        Instant youngSince = batch.at.minus(AFTER);
        Set<UUID> inBatch = new HashSet<>();
        batch.outcomes.forEach(o -> inBatch.add(o.delivery().deliveryId()));
        for (Outgoing h; (h = handed.peek()) != null && h.handoff().at().isBefore(youngSince);) {
            UUID id = h.deliveryId();
            if (!recordedEarly.contains(id) && !inBatch.contains(id) && !rowed.contains(id)) {
                batch.unfinished.add(h);
            }
            handed.poll();
            recordedEarly.remove(id);
        }
    }

    /** The batch is written: which handed deliveries have their rows now, worked out once and kept with the batch. */
    List<Handoff> written(OutcomeBatch batch) {
        if (batch.rowsWritten == null) {
            Instant youngSince = batch.at.minus(AFTER);
            List<Handoff> rows = new ArrayList<>();
            for (Outcome o : batch.outcomes) {
                Outgoing d = o.delivery();
                if (d.handoff() != null && !rowed.contains(d.deliveryId())) {
                    rows.add(d.handoff());
                    if (!d.handoff().at().isBefore(youngSince)) {
                        recordedEarly.add(d.deliveryId());
                    }
                }
            }
            batch.unfinished.forEach(d -> rows.add(d.handoff()));
            batch.rowsWritten = rows;
        }
        batch.outcomes.forEach(o -> rowed.remove(o.delivery().deliveryId()));
        batch.unfinished.forEach(d -> rowed.add(d.deliveryId()));
        return batch.rowsWritten;
    }
}
