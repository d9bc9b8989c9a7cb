package dev.airalert.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Counts what polling did, for {@code /q/metrics}: {@code airalert_feed_polls_total} by feed and
 * outcome ({@code read}, {@code not-modified}, {@code failed}) and {@code airalert_feed_messages_total}
 * by feed and outcome ({@code ingested}, {@code repeated}, {@code refused}, {@code failing},
 * {@code abandoned}). Feeds are few and configured by an admin, so a tag per feed stays small.
 */
@ApplicationScoped
class FeedMetrics {

    private final MeterRegistry registry;

    FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void poll(UUID feed, String outcome) {
        Counter.builder("airalert.feed.polls").description("Feed polls").tag("feed", feed.toString())
                .tag("outcome", outcome).register(registry).increment();
    }

    void message(UUID feed, String outcome) {
        Counter.builder("airalert.feed.messages").description("Messages a feed listed, by what became of them")
                .tag("feed", feed.toString()).tag("outcome", outcome).register(registry).increment();
    }
}
