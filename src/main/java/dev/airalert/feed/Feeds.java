package dev.airalert.feed;

import dev.airalert.Clocks;
import dev.airalert.outbound.TargetGuard;
import dev.airalert.security.ApiKeyService;
import dev.airalert.security.AuditEvent;
import dev.airalert.security.Caller;
import dev.airalert.security.Roles;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The feeds an admin configures. A feed's URL follows the rules of a webhook target (the same
 * guard, the same allowlist); its key must be a publisher bound to named senders, because whoever
 * controls the feed's server speaks with that key's rights.
 */
@ApplicationScoped
public class Feeds {

    /** The shortest poll interval: more often would hammer the publisher's server. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    /** The longest: an hour-old alert is no alert. */
    static final Duration MAX_INTERVAL = Duration.ofHours(1);
    private static final List<String> OUTCOMES = List.of("ingested", "repeated", "refused", "failing", "abandoned");

    private final FeedStore store;
    private final TargetGuard guard;
    private final ApiKeyService keys;
    private final FeedPoller poller;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clocks.UTC;

    Feeds(FeedStore store, TargetGuard guard, ApiKeyService keys, FeedPoller poller, Event<AuditEvent> audit) {
        this.store = store;
        this.guard = guard;
        this.keys = keys;
        this.poller = poller;
        this.audit = audit;
    }

    /** Adds a feed, due at once. */
    @Transactional
    public FeedView add(FeedRequests.Add request, Caller by) {
        List<FieldError> errors = new ArrayList<>();
        guard.refusal(request.url()).ifPresent(why -> errors.add(new FieldError("url", why)));
        FeedFormat format = FeedFormat.of(request.format());
        if (format == null) {
            errors.add(new FieldError("format", "must be one of atom, rss, cap"));
        }
        interval(request.pollIntervalSeconds()).ifPresent(errors::add);
        Optional<Caller> publisher = keys.callerOf(request.publisherKey());
        if (publisher.isEmpty()) {
            errors.add(new FieldError("publisherKey", "names no API key that exists and is not revoked"));
        } else if (!publisher.get().has(Roles.PUBLISHER) || !publisher.get().senders().isNarrow()) {
            errors.add(new FieldError("publisherKey", "must be a key with the publisher role bound to named senders"
                    + " (not \"*\"): whoever controls the feed's server publishes with its rights"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-request", "The feed cannot be added: " + errors.size()
                    + " problem(s).", errors);
        }
        Instant now = clock.instant();
        FeedStore.Feed feed = new FeedStore.Feed(UUID.randomUUID(), request.url(), format,
                request.pollIntervalSeconds(), request.publisherKey(), true, now, who(by), now, null, null, null, null,
                null, null, null, 0, 0, 0, 0);
        if (!store.insert(feed)) {
            throw new ProblemException(409, "/problems/conflict", "Conflict", "A feed with this URL exists.",
                    List.of(new FieldError("url", "is already a feed")));
        }
        audit.fire(AuditEvent.accepted(AuditEvent.FEED_ADDED, by, null, null, "feed " + feed.id() + " " + format.code()
                + " " + request.url() + " every " + request.pollIntervalSeconds() + " s as key " + request.publisherKey()));
        poller.wakeUp();
        return view(feed);
    }

    public List<FeedView> list() {
        return store.list().stream().map(this::view).toList();
    }

    public FeedView get(UUID id) {
        return view(store.find(id).orElseThrow(NotFoundException::new));
    }

    /** The feed's messages, the last settled first. */
    public List<FeedView.Message> messages(UUID id, int limit) {
        store.find(id).orElseThrow(NotFoundException::new);
        return store.messages(id, Math.max(1, Math.min(limit, 500)));
    }

    /** Pauses, resumes or re-times a feed; resumed or re-timed, it is due at once. */
    @Transactional
    public FeedView change(UUID id, FeedRequests.Change request, Caller by) {
        store.find(id).orElseThrow(NotFoundException::new);
        if (request.pollIntervalSeconds() != null) {
            interval(request.pollIntervalSeconds()).ifPresent(e -> {
                throw ProblemException.invalid("/problems/invalid-request", "The change cannot be made.", List.of(e));
            });
        }
        boolean due = Boolean.TRUE.equals(request.enabled()) || request.pollIntervalSeconds() != null;
        store.update(id, request.enabled(), request.pollIntervalSeconds(), due ? clock.instant() : null);
        audit.fire(AuditEvent.accepted(AuditEvent.FEED_CHANGED, by, null, null, "feed " + id
                + (request.enabled() == null ? "" : request.enabled() ? " resumed" : " paused")
                + (request.pollIntervalSeconds() == null ? "" : " every " + request.pollIntervalSeconds() + " s")));
        poller.wakeUp();
        return get(id);
    }

    /** Removes a feed and its record of messages; the alerts it brought stay. */
    @Transactional
    public void remove(UUID id, Caller by) {
        if (!store.delete(id)) {
            throw new NotFoundException();
        }
        audit.fire(AuditEvent.accepted(AuditEvent.FEED_REMOVED, by, null, null, "feed " + id));
    }

    private static Optional<FieldError> interval(Integer seconds) {
        if (seconds == null || seconds < MIN_INTERVAL.toSeconds() || seconds > MAX_INTERVAL.toSeconds()) {
            return Optional.of(new FieldError("pollIntervalSeconds", "must be between " + MIN_INTERVAL.toSeconds()
                    + " and " + MAX_INTERVAL.toSeconds() + " seconds"));
        }
        return Optional.empty();
    }

    private static String who(Caller by) {
        return by.holder() != null ? by.holder() + " (" + by.keyId() + ")" : by.keyId();
    }

    private FeedView view(FeedStore.Feed f) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> stored = store.counts(f.id());
        OUTCOMES.forEach(o -> counts.put(o, stored.getOrDefault(o, 0L)));
        return new FeedView(f.id(), f.url(), f.format().code(), f.pollIntervalSeconds(), f.publisherKey(), f.enabled(),
                f.createdAt(), f.createdBy(), new FeedView.Status(f.lastPollAt(), f.lastChangeAt(), f.lastSuccessAt(),
                f.lastError(), f.lastErrorAt(), f.consecutiveFailures(), f.nextPollAt(), f.polls(), f.notModified(),
                f.failedPolls(), counts));
    }
}
