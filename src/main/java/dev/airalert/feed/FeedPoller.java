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
 * Polls the feeds that are due, on workers of the {@link Supervisor} ({@code airalert-feeds-1}
 * to {@code -n}, {@code airalert.feeds.pollers}), each polling one feed at a time. A poll claims
 * its feed for a lease (no other replica polls it meanwhile), GETs the index conditionally
 * (If-None-Match / If-Modified-Since: a 304 costs nothing), and fetches each message the index
 * lists that the feed has not taken before, publishing it through the same path as
 * {@code POST /api/v1/alerts} as the feed's key: validation, sender rules, rights, lifecycle, dedup
 * by (sender, identifier). What became of every message is recorded, so no message is fetched or
 * ingested twice, across restarts and replicas. A poll takes new messages for
 * {@code airalert.feeds.poll-budget} at most and leaves the rest to the next, which follows at
 * once, so a backlog or a slow server holds one poller only so long. A feed whose index fails is
 * polled less and less often: the interval doubles per consecutive failure up to
 * {@code airalert.feeds.max-backoff}, and a Retry-After is honoured. A message that cannot be
 * fetched is tried again at the feed's next polls, up to {@code airalert.feeds.message-attempts},
 * without holding back the feed's other messages.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final FeedStore store;
    private final FeedFetcher fetcher;
    private final AlertIngest ingest;
    private final ApiKeyService keys;
    private final FeedMetrics metrics;
    private final Supervisor supervisor;
    private final AirAlertConfig.Feeds config;
    private final long maxMessageBytes;
    /**
     * How long a claimed feed is this poller's: the poll's budget, then one more message (its
     * fetch and its publish) and the index, with room to spare.
     */
    private final Duration lease;
    private final Clock clock = Clocks.UTC;
    private final Object wake = new Object();
    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean running;

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
        this.lease = this.config.pollBudget().plus(this.config.requestTimeout().multipliedBy(2))
                .plus(config.ingest().deadline()).plusSeconds(60);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Feed polling is off on this instance (airalert.feeds.enabled=false)");
            return;
        }
        running = true;
        for (int i = 1; i <= Math.max(1, config.pollers()); i++) {
            workers.add(supervisor.start("airalert-feeds-" + i, this::loop));
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        workers.forEach(Worker::stop);
        wakeUp();
        for (Worker worker : workers) {
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
     * Claims one feed due now and polls it; any number of pollers and replicas may call this at once.
     *
     * @return how many feeds were polled (0 or 1)
     */
    public int pollDue() throws java.sql.SQLException {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease);
        List<FeedStore.Feed> claimed = store.claimDue(now, leaseUntil, 1);
        for (FeedStore.Feed feed : claimed) {
            try {
                poll(feed, leaseUntil, now.plus(config.pollBudget()));
            } catch (RuntimeException e) {
                // Most likely the database went away mid-poll: the feed is given back, due soon, not
                // left leased; what its messages became is recorded as far as it got.
                LOG.warnf("Feed %s: the poll stopped: %s", feed.id(), e.getMessage());
                try {
                    store.release(feed.id(), leaseUntil, clock.instant().plus(config.tick()));
                } catch (RuntimeException stillAway) {
                    // Then its lease ends by itself.
                }
            }
        }
        return claimed.size();
    }

    /** One poll of a claimed feed; stops taking messages at {@code stopBy}, leaving the rest for the next. */
    private void poll(FeedStore.Feed feed, Instant leaseUntil, Instant stopBy) {
        Instant started = clock.instant();
        Optional<Caller> caller = keys.callerOf(feed.publisherKey())
                .filter(c -> c.has(Roles.PUBLISHER) && c.senders().isNarrow())
                .map(c -> c.at("feed:" + feed.id()));
        if (caller.isEmpty()) {
            failed(feed, leaseUntil, started, "the feed's publishing key " + feed.publisherKey() + " is revoked, gone,"
                    + " or no longer a publisher bound to named senders", null);
            return;
        }
        FeedFetcher.Fetched index;
        try {
            index = fetcher.get(feed.url(), feed.etag(), feed.lastModified(), feed.format().accept(),
                    config.maxIndexSize().asLongValue());
        } catch (FeedFetcher.Failed e) {
            failed(feed, leaseUntil, started, "the index could not be fetched: " + e.getMessage(), null);
            return;
        }
        if (index.status() == 304) {
            metrics.poll(feed.id(), "not-modified");
            end(feed, leaseUntil, new FeedStore.PollEnd(clock.instant(), next(feed, started, false, null), true,
                    false, null, true, null, null));
            return;
        }
        if (index.status() != 200) {
            failed(feed, leaseUntil, started, "the index answered HTTP " + index.status(), index.retryAfter());
            return;
        }
        List<FeedIndex.Item> items;
        try {
            items = FeedIndex.read(feed.format(), index.body(), index.url());
        } catch (FeedIndex.Unreadable e) {
            failed(feed, leaseUntil, started, e.getMessage(), null);
            return;
        }
        // A single CAP document is published with the charset its index was labelled with.
        Taken taken = take(feed, items, caller.get(), stopBy, feed.format() == FeedFormat.CAP ? index.contentType() : null);
        metrics.poll(feed.id(), taken.problem == null ? "read" : "failed");
        // The validators are kept only when every listed message is settled: a 304 must not hide one left for later.
        boolean allSettled = taken.left == 0 && taken.failing == 0 && taken.problem == null;
        Instant ended = clock.instant();
        Instant next = taken.problem != null ? next(feed, started, true, null)
                : taken.refusedForNow ? ended.plus(min(Duration.ofSeconds(feed.pollIntervalSeconds()), Feeds.MIN_INTERVAL))
                // Left by the poll's budget: a backlog is taken on at once, a poll at a time.
                : taken.left > 0 ? ended
                : next(feed, started, false, null);
        if (end(feed, leaseUntil, new FeedStore.PollEnd(ended, next, false, taken.settled > 0, taken.problem,
                !allSettled, index.etag(), index.lastModified())) && taken.problem == null) {
            store.prune(feed.id(), items.stream().map(FeedIndex.Item::key).toList(),
                    ended.minus(FeedStore.KEEP_UNLISTED));
        }
    }

    /** Writes the poll's end; a poll that outlived its lease writes nothing (its successor's word stands). */
    private boolean end(FeedStore.Feed feed, Instant leaseUntil, FeedStore.PollEnd end) {
        boolean written = store.endPoll(feed.id(), leaseUntil, end);
        if (!written) {
            LOG.warnf("Feed %s: the poll outlived its lease (or the feed was removed); its end is not written", feed.id());
        }
        return written;
    }

    /** What a poll did with the index's messages. */
    private static final class Taken {
        int settled;
        /** Messages left for the next poll (the budget, the key's publish limit). */
        int left;
        /** Messages that could not be fetched this time; tried again at the next polls. */
        int failing;
        /** The key's publish limit or a passing unavailability stopped the poll: the next waits a little. */
        boolean refusedForNow;
        /** Why a message could not be stored now (the database): the feed backs off; or null. */
        String problem;
    }

    private Taken take(FeedStore.Feed feed, List<FeedIndex.Item> items, Caller caller, Instant stopBy,
            String carriedType) {
        Map<String, FeedStore.Seen> seen = store.seen(feed.id(),
                items.stream().map(FeedIndex.Item::key).collect(Collectors.toSet()));
        Taken taken = new Taken();
        int tried = 0;
        for (FeedIndex.Item item : items) {
            FeedStore.Seen before = seen.get(item.key());
            if (before != null && !"failing".equals(before.outcome())) {
                continue;
            }
            if (before != null && clock.instant().isBefore(retryAt(feed, before))) {
                taken.failing++;
                continue;
            }
            if (tried >= config.maxMessagesPerPoll() || clock.instant().isAfter(stopBy) || taken.refusedForNow
                    || taken.problem != null) {
                taken.left++;
                continue;
            }
            tried++;
            seen.put(item.key(), new FeedStore.Seen("taken", 0, null));
            int attempt = before == null ? 1 : before.attempts() + 1;
            Instant now = clock.instant();
            if (item.missing() != null) {
                settle(feed, item, "refused", attempt, null, item.missing(), now);
                taken.settled++;
                continue;
            }
            byte[] body = item.carried();
            String contentType = carriedType;
            if (body == null) {
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
                    continue;
                }
                settle(feed, item, "refused", attempt, null, describe(e), now);
                taken.settled++;
            } catch (Deadline.Exceeded e) {
                // Too costly now, perhaps only because the service is busy: tried again, up to the limit.
                failing(feed, item, attempt, "took longer than the publish deadline to judge", taken);
            } catch (RuntimeException e) {
                // The database, most likely: this message is tried again, and the feed waits a while.
                taken.problem = "a message could not be stored: " + e.getMessage();
                taken.left++;
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

    /**
     * When a message that failed is tried again: the feed's interval after the first failure,
     * doubling with each, up to the longest backoff; ten attempts span some forty minutes of a
     * 5-second feed's message server being away.
     */
    private Instant retryAt(FeedStore.Feed feed, FeedStore.Seen failed) {
        Duration wait = Duration.ofSeconds(feed.pollIntervalSeconds()).multipliedBy(1L << Math.min(failed.attempts() - 1, 20));
        return failed.settledAt().plus(min(wait, config.maxBackoff()));
    }

    private void failing(FeedStore.Feed feed, FeedIndex.Item item, int attempt, String why, Taken taken) {
        boolean last = attempt >= config.messageAttempts();
        settle(feed, item, last ? "abandoned" : "failing", attempt, null, why, clock.instant());
        if (last) {
            taken.settled++;
        } else {
            taken.failing++;
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

    private void failed(FeedStore.Feed feed, Instant leaseUntil, Instant started, String why, String retryAfter) {
        LOG.warnf("Feed %s (%s): %s", feed.id(), feed.url(), why);
        metrics.poll(feed.id(), "failed");
        end(feed, leaseUntil, new FeedStore.PollEnd(clock.instant(), next(feed, started, true, retryAfter), false,
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
