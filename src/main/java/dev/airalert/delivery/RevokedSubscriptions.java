package dev.airalert.delivery;

import dev.airalert.Clocks;
import dev.airalert.subscription.SubscriptionsRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscriptions whose key was revoked here, by when: what this instance still holds for them
 * (handed or claimed before the revocation) is refused, not sent. The queue's sweep fails what
 * waits in the database; other instances' revocations are in the rows they claim.
 */
@ApplicationScoped
class RevokedSubscriptions {

    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock = Clocks.UTC;

    void subscriptionsRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionsRevoked stopped) {
        Instant now = clock.instant();
        stopped.ids().forEach(id -> revoked.put(id, now));
    }

    boolean contains(UUID subscription) {
        return revoked.containsKey(subscription);
    }

    /** Forgets revocations from before {@code before}: nothing held from then is still here. */
    void forgetBefore(Instant before) {
        revoked.values().removeIf(at -> at.isBefore(before));
    }
}
