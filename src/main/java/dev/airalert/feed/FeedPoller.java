package dev.airalert.feed;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.Deadline;
import dev.airalert.alert.AlertIngest;
import dev.airalert.alert.AlertService;
import dev.airalert.outbox.Backoff;
import dev.airalert.security.ApiKeyService;
import dev.airalert.security.Caller;
import dev.airalert.security.Roles;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import dev.airalert.worker.Supervisor;
import dev.airalert.worker.Worker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Polls the feeds that are due, on a worker of the {@link Supervisor} ({@code airalert-feeds}).
 * A poll claims its feed for a lease (no other replica polls it meanwhile), GETs the index
 * conditionally (If-None-Match / If-Modified-Since: a 304 costs nothing), and fetches each message
 * the index lists that the feed has not taken before, publishing it through the same path as
 * {@code POST /api/v1/alerts} as the feed's key: validation, sender rules, rights, lifecycle, dedup
 * by (sender, identifier). What became of every message is recorded, so no message is fetched or
 * ingested twice, across restarts and replicas. A failing feed is polled less and less often: the
 * interval doubles per consecutive failure up to {@code airalert.feeds.max-backoff}, and a
 * Retry-After is honoured.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    /** How long a claimed feed is this poller's; a poll stops taking new messages well before it ends. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int FEEDS_PER_CLAIM = 4;

    private final FeedStore store;
    private final FeedFetcher fetcher;
    private final AlertIngest ingest;
    private final ApiKeyService keys;
    private final FeedMetrics metrics;
    private final Supervisor supervisor;
    private final AirAlertConfig.Feeds config;
    private final long maxMessageBytes;
    private final Clock clock = Clocks.UTC;
    private final Object wake = new Object();
    private volatile boolean running;
    private Worker worker;

    FeedPoller(FeedStore store, FeedFetcher fetcher, AlertIngest ingest, ApiKeyService keys, FeedMetrics metrics,
            Supervisor supervisor, AirAlertConfig config) {
        this.store = store;
        this.fetcher = fetcher;
        this.ingest = ingest;
        this.keys = keys;
        this.metrics = metrics;
        this.supervisor = supervisor;
        this.config = config.feeds();
        this.maxMessageBytes = config.ingest().maxBodySize().asLongValue();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Feed polling is off on this instance (airalert.feeds.enabled=false)");
            return;
        }
        running = true;
        worker = supervisor.start("airalert-feeds", this::loop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.stop();
            wakeUp();
            worker.join(config.requestTimeout().plusSeconds(5));
        }
    }

    /** A feed was added or changed: look for due feeds now rather than at the next tick. */
    void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (pollDue() == 0) {
                    synchronized (wake) {
                        wake.wait(config.tick().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // The database may be restarting: keep the thread, try again at the next tick.
                LOG.warnf("Feed poller: %s; retrying", e.getMessage());
                try {
                    Thread.sleep(config.tick().toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Claims the feeds due now and polls each; any number of replicas may call this at once.
     *
     * @return how many feeds were polled
     */
    public int pollDue() throws java.sql.SQLException {
        Instant now = clock.instant();
        List<FeedStore.Feed> claimed = store.claimDue(now, now.plus(LEASE), FEEDS_PER_CLAIM);
        for (FeedStore.Feed feed : claimed) {
            poll(feed, now.plus(LEASE).minus(config.requestTimeout().multipliedBy(2)));
        }
        return claimed.size();
    }

    /** One poll of a claimed feed; stops taking messages at {@code stopBy}, leaving the rest for the next. */
    private void poll(FeedStore.Feed feed, Instant stopBy) {
        Instant started = clock.instant();
        Optional<Caller> caller = keys.callerOf(feed.publisherKey())
                .filter(c -> c.has(Roles.PUBLISHER) && c.senders().isNarrow())
                .map(c -> c.at("feed:" + feed.id()));
        if (caller.isEmpty()) {
            failed(feed, started, "the feed's publishing key " + feed.publisherKey() + " is revoked, gone, or no longer"
                    + " a publisher bound to named senders", null);
            return;
        }
        FeedFetcher.Fetched index;
        try {
            index = fetcher.get(feed.url(), feed.etag(), feed.lastModified(), feed.format().accept(),
                    config.maxIndexSize().asLongValue());
        } catch (FeedFetcher.Failed e) {
            failed(feed, started, "the index could not be fetched: " + e.getMessage(), null);
            return;
        }
        if (index.status() == 304) {
            metrics.poll(feed.id(), "not-modified");
            store.endPoll(feed.id(), new FeedStore.PollEnd(clock.instant(), next(feed, started, false, null), true,
                    false, null, true, null, null));
            return;
        }
        if (index.status() != 200) {
            failed(feed, started, "the index answered HTTP " + index.status(), index.retryAfter());
            return;
        }
        List<FeedIndex.Item> items;
        try {
            items = FeedIndex.read(feed.format(), index.body(), index.url());
        } catch (FeedIndex.Unreadable e) {
            failed(feed, started, e.getMessage(), null);
            return;
        }
        Taken taken = take(feed, items, caller.get(), stopBy);
        metrics.poll(feed.id(), taken.problem == null ? "read" : "failed");
        // The validators are kept only when every listed message is settled: a 304 must not hide one left for later.
        boolean allSettled = taken.left == 0 && taken.problem == null;
        Instant ended = clock.instant();
        Instant next = taken.problem != null ? next(feed, started, true, null)
                : taken.refusedForNow ? ended.plus(min(Duration.ofSeconds(feed.pollIntervalSeconds()), Feeds.MIN_INTERVAL))
                // Left by the per-poll cap or the lease: a backlog is taken on at once, a poll at a time.
                : taken.left > 0 ? ended
                : next(feed, started, false, null);
        store.endPoll(feed.id(), new FeedStore.PollEnd(ended, next, false, taken.settled > 0, taken.problem,
                !allSettled, index.etag(), index.lastModified()));
    }

    /** What a poll did with the index's messages. */
    private static final class Taken {
        int settled;
        /** Messages still to be taken (limits, the lease, the key's publish limit). */
        int left;
        /** The key's publish limit or a passing unavailability stopped the poll: the next waits a little. */
        boolean refusedForNow;
        /** Why some message could not be fetched or stored now, or null. */
        String problem;
    }

    private Taken take(FeedStore.Feed feed, List<FeedIndex.Item> items, Caller caller, Instant stopBy) {
        Map<String, FeedStore.Seen> seen = store.seen(feed.id(),
                items.stream().map(FeedIndex.Item::key).collect(Collectors.toSet()));
        Taken taken = new Taken();
        int fetched = 0;
        for (FeedIndex.Item item : items) {
            FeedStore.Seen before = seen.get(item.key());
            if (before != null && !"failing".equals(before.outcome())) {
                continue;
            }
            if (fetched >= config.maxMessagesPerPoll() || clock.instant().isAfter(stopBy) || taken.refusedForNow) {
                taken.left++;
                continue;
            }
            seen.put(item.key(), new FeedStore.Seen("taken", 0));
            int attempt = before == null ? 1 : before.attempts() + 1;
            Instant now = clock.instant();
            if (item.missing() != null) {
                settle(feed, item, "refused", attempt, null, item.missing(), now);
                taken.settled++;
                continue;
            }
            byte[] body = item.carried();
            String contentType = null;
            if (body == null) {
                fetched++;
                try {
                    FeedFetcher.Fetched message = fetcher.get(item.url(), null, null, FeedFormat.CAP_ACCEPT,
                            maxMessageBytes);
                    if (message.status() != 200) {
                        throw new FeedFetcher.Failed(item.url() + " answered HTTP " + message.status());
                    }
                    body = message.body();
                    contentType = message.contentType();
                } catch (FeedFetcher.Failed e) {
                    failing(feed, item, attempt, "could not be fetched: " + e.getMessage(), taken);
                    continue;
                }
            }
            try {
                List<AlertService.Published> published = ingest.publish(xmlType(contentType), body, caller);
                boolean created = published.stream().anyMatch(AlertService.Published::created);
                settle(feed, item, created ? "ingested" : "repeated", attempt, published.get(0).view().id(), null, now);
                taken.settled++;
            } catch (ProblemException e) {
                if (e.status() == 429 || e.status() == 503) {
                    // A passing limit: this and the rest wait for the next poll, which comes soon.
                    taken.left++;
                    taken.refusedForNow = true;
                    seen.remove(item.key());
                    continue;
                }
                settle(feed, item, "refused", attempt, null, describe(e), now);
                taken.settled++;
            } catch (Deadline.Exceeded e) {
                settle(feed, item, "refused", attempt, null, "takes longer than the publish deadline to judge", now);
                taken.settled++;
            } catch (RuntimeException e) {
                failing(feed, item, attempt, "could not be stored now: " + e.getMessage(), taken);
            }
        }
        return taken;
    }

    /**
     * A feed's message is CAP XML whatever its server labels it (text/plain, octet-stream are
     * common): only a charset the label names is kept.
     */
    private static String xmlType(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String p = parameter.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    return "application/cap+xml; " + p;
                }
            }
        }
        return "application/cap+xml";
    }

    private void failing(FeedStore.Feed feed, FeedIndex.Item item, int attempt, String why, Taken taken) {
        boolean last = attempt >= config.messageAttempts();
        settle(feed, item, last ? "abandoned" : "failing", attempt, null, why, clock.instant());
        if (last) {
            taken.settled++;
        } else {
            taken.left++;
            taken.problem = "a message " + why;
        }
    }

    private void settle(FeedStore.Feed feed, FeedIndex.Item item, String outcome, int attempts, UUID alert,
            String problem, Instant now) {
        store.settle(feed.id(), item, outcome, attempts, alert, problem, now);
        metrics.message(feed.id(), outcome);
        if (problem != null && !"failing".equals(outcome)) {
            LOG.infof("Feed %s: message %s %s: %s", feed.id(), item.url() != null ? item.url() : "(carried in the index)",
                    outcome, problem);
        }
    }

    private void failed(FeedStore.Feed feed, Instant started, String why, String retryAfter) {
        LOG.warnf("Feed %s (%s): %s", feed.id(), feed.url(), why);
        metrics.poll(feed.id(), "failed");
        store.endPoll(feed.id(), new FeedStore.PollEnd(clock.instant(), next(feed, started, true, retryAfter), false,
                false, why, true, null, null));
    }

    /**
     * When the feed is next due: its interval after a good poll; after a failure the interval
     * doubled per consecutive failure, up to the maximum, with a fifth of jitter so that feeds
     * that failed together do not come back together, and never before a Retry-After (capped
     * likewise).
     */
    private Instant next(FeedStore.Feed feed, Instant started, boolean failure, String retryAfter) {
        Duration interval = Duration.ofSeconds(feed.pollIntervalSeconds());
        if (!failure) {
            return started.plus(interval);
        }
        Duration max = config.maxBackoff().compareTo(interval) > 0 ? config.maxBackoff() : interval;
        List<Duration> doublings = new ArrayList<>();
        for (Duration wait = interval.multipliedBy(2); doublings.isEmpty() || wait.compareTo(max) < 0;
                wait = wait.multipliedBy(2)) {
            doublings.add(wait.compareTo(max) < 0 ? wait : max);
        }
        doublings.add(max);
        Duration wait = new Backoff(doublings, max, 0.2).untiring(feed.consecutiveFailures() + 1);
        Optional<Duration> asked = Backoff.retryAfter(retryAfter, started);
        if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
            wait = min(asked.get(), max);
        }
        return started.plus(wait);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String describe(ProblemException e) {
        List<FieldError> errors = e.errors();
        String first = errors.isEmpty() ? "" : " (" + errors.get(0).field() + ": " + errors.get(0).message() + ")";
        return e.status() + " " + e.type() + ": " + e.getMessage() + first;
    }
}
