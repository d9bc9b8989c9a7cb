package dev.airalert.compat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When an alert's chain (the alert, its updates, its all-clear) began and ended, from its
 * messages: it began when its first alert or update was sent; it ended when its all-clear was
 * sent, else when its newest message expired, and it has not ended while a message of it is in
 * force.
 */
final class Chains {

    private Chains() {
    }

    static Instant startedAt(List<CompatRepository.Link> links, Instant fallback) {
        return links.stream().filter(l -> !"Cancel".equals(l.msgType())).map(CompatRepository.Link::sentAt)
                .min(Comparator.naturalOrder()).orElse(fallback);
    }

    /** Empty while the chain is in force. */
    static Optional<Instant> finishedAt(List<CompatRepository.Link> links, Instant now) {
        boolean inForce = links.stream().anyMatch(l -> "active".equals(l.state()) && !"Cancel".equals(l.msgType())
                && (l.expiresAt() == null || l.expiresAt().isAfter(now)));
        if (inForce || links.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> allClear = links.stream().filter(l -> "Cancel".equals(l.msgType()))
                .map(CompatRepository.Link::sentAt).min(Comparator.naturalOrder());
        if (allClear.isPresent()) {
            return allClear;
        }
        CompatRepository.Link newest = links.stream().max(Comparator.comparing(CompatRepository.Link::sentAt)).get();
        return Optional.of(newest.expiresAt() != null && !newest.expiresAt().isAfter(now) ? newest.expiresAt()
                : newest.receivedAt());
    }

    /** When anything in the chain last changed: its newest message's arrival. */
    static Instant updatedAt(List<CompatRepository.Link> links, Instant fallback) {
        return links.stream().map(CompatRepository.Link::receivedAt).max(Comparator.naturalOrder()).orElse(fallback);
    }
}
