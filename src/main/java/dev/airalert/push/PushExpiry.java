package dev.airalert.push;

import dev.airalert.subscription.PushSubscriptions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Deletes push subscriptions their browser has not refreshed for {@code airalert.push.expire-after}
 * (the page refreshes them on each visit): a browser gone for good leaves nothing behind. In
 * batches, each its own transaction, so a backlog never holds a long lock; every replica may run
 * it, as a row deleted twice is deleted once.
 */
@ApplicationScoped
class PushExpiry {

    private static final Logger LOG = Logger.getLogger(PushExpiry.class);
    private static final int BATCH = 500;
    private static final int MAX_BATCHES = 200;

    private final PushSubscriptions subscriptions;

    PushExpiry(PushSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        try {
            int removed = 0;
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                int deleted = subscriptions.expire(BATCH);
                removed += deleted;
                if (deleted < BATCH) {
                    break;
                }
            }
            if (removed > 0) {
                LOG.infof("Web Push: deleted %d subscriptions their browsers had not refreshed", removed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Web Push: deleting expired subscriptions failed (%s); trying again in an hour", e.getMessage());
        }
    }
}
