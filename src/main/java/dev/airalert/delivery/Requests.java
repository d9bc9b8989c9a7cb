package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.outbound.TargetGuard;
import dev.airalert.outbox.Backoff;
import dev.airalert.outbox.SendSlots;
import dev.airalert.subscription.WebhookFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Sends one delivery in a slot its caller holds ({@link SendSlots}: {@code max-in-flight} overall,
 * {@code per-endpoint-concurrency} per subscription, so that a slow or dead endpoint holds its own
 * slots and nobody else's). Requests go out asynchronously; when one ends, on the event loop, its
 * outcome goes to the {@link OutcomeWriter} and the next ready delivery takes over the slot at
 * once if nothing about it blocks; otherwise the slot is freed for the dispatch thread.
 */
@ApplicationScoped
class Requests {

    private static final Logger LOG = Logger.getLogger(Requests.class);
    /** A delivery with a row is sent only while its lease outlasts the request by at least this. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    /** What became of a delivery offered a slot. */
    enum Step {
        SENT,
        /** Its lease ran low while it waited: left to the queue, which gives it out again when the lease ends. */
        DROPPED,
        /** Its endpoint has all its slots busy. */
        ENDPOINT_BUSY,
        /** Sending it needs a blocking call (event payload, DNS): the dispatch thread's job. */
        BLOCKING
    }

    private final WebhookClient client;
    private final TargetGuard guard;
    private final WebhookBodies bodies;
    private final PushNotices notices;
    private final PushCrypto crypto;
    private final int perService;
    /** Push services that answered 429 or 503 with Retry-After, until when. */
    private final Map<UUID, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final RevokedSubscriptions revoked;
    private final EarlyRows rows;
    private final OutcomeWriter outcomes;
    private final ReadyDeliveries ready;
    private final DeliverySignal signal;
    private final Duration requestTimeout;
    private final SendSlots<UUID> slots;
    private final Clock clock = Clocks.UTC;
    private volatile boolean running = true;

    Requests(WebhookClient client, TargetGuard guard, WebhookBodies bodies, PushNotices notices, PushCrypto crypto,
            RevokedSubscriptions revoked, EarlyRows rows, OutcomeWriter outcomes, ReadyDeliveries ready,
            DeliverySignal signal, AirAlertConfig config) {
        this.client = client;
        this.guard = guard;
        this.bodies = bodies;
        this.notices = notices;
        this.crypto = crypto;
        this.perService = config.push().perServiceConcurrency();
        this.revoked = revoked;
        this.rows = rows;
        this.outcomes = outcomes;
        this.ready = ready;
        this.signal = signal;
        this.requestTimeout = config.webhooks().requestTimeout();
        this.slots = new SendSlots<>(config.webhooks().maxInFlight(), config.webhooks().perEndpointConcurrency());
    }

    SendSlots<UUID> slots() {
        return slots;
    }

    /** No more deliveries are taken over by ending requests: the service is stopping. */
    void stop() {
        running = false;
    }

    /**
     * Sends the delivery if it can go now; {@code mayBlock} on the dispatch thread only.
     * {@code endpointSlotTaken} runs once the endpoint's slot is the caller's.
     */
    Step offer(Outgoing delivery, boolean mayBlock, Runnable endpointSlotTaken) throws SQLException {
        Instant now = clock.instant();
        if (rows.hasRow(delivery) && delivery.leasedUntil().isBefore(now.plus(requestTimeout).plus(LEASE_MARGIN))) {
            LOG.debugf("Delivery %s waited too long here; the queue gives it out again when its lease ends",
                    delivery.deliveryId());
            return Step.DROPPED;
        }
        boolean push = delivery.format() == WebhookFormat.WEBPUSH;
        int limit = push ? perService : slots.perTarget();
        UUID slotKey = delivery.slotKey();
        if (slots.busy(slotKey) >= limit) {
            // Thousands of pushes to one push service wait here: find out before building anything.
            return Step.ENDPOINT_BUSY;
        }
        DeliveryStatus stale = delivery.stale(now);
        byte[] body = null;
        PushNotices.Notice notice = null;
        if (stale == null && push) {
            notice = mayBlock ? notices.notice(delivery) : notices.atHand(delivery);
        } else if (stale == null) {
            body = mayBlock ? bodies.body(delivery) : bodies.atHand(delivery);
        }
        Optional<TargetGuard.Verdict> cleared = stale != null ? Optional.empty() : guard.cleared(delivery.url());
        if (stale == null && (body == null && notice == null || !mayBlock && cleared.isEmpty())) {
            return Step.BLOCKING;
        }
        if (!slots.takeFor(slotKey, limit)) {
            return Step.ENDPOINT_BUSY;
        }
        endpointSlotTaken.run();
        Instant paused = push ? pausedUntil.get(slotKey) : null;
        if (stale == null && paused != null && now.isBefore(paused)) {
            // The push service asked us to wait: this message waits its turn without a request.
            client.held(delivery, paused).thenAccept(this::finished);
            return Step.SENT;
        }
        if (stale != null) {
            // Recorded, not sent: the Cancel or Update that ended it follows in its chain.
            client.notSent(delivery, stale).thenAccept(this::finished);
            return Step.SENT;
        }
        // The request goes to the address the verdict checked, never to a fresh DNS answer.
        TargetGuard.Verdict verdict = revoked.contains(delivery.subscriptionId())
                ? TargetGuard.Verdict.refused("the subscription's API key was revoked")
                : cleared.orElseGet(() -> guard.verdict(delivery.url()));
        (!verdict.allowed() ? client.refuse(delivery, verdict.refusal())
                : push ? client.push(delivery, verdict.address(), notice, crypto)
                : client.send(delivery, verdict.address(), body, delivery.secrets()))
                .thenAccept(this::finished);
        return Step.SENT;
    }

    /** On the event loop, when a request ended. */
    private void finished(Outcome outcome) {
        Integer status = outcome.statusCode();
        if (outcome.delivery().format() == WebhookFormat.WEBPUSH && status != null && (status == 429 || status == 503)) {
            // A push service limits us as one client: its Retry-After holds every message to it.
            Backoff.retryAfter(outcome.retryAfter(), outcome.at()).ifPresent(wait ->
                    pausedUntil.put(outcome.delivery().slotKey(), outcome.at().plus(wait)));
        }
        outcomes.add(outcome);
        slots.giveFor(outcome.delivery().slotKey());
        try {
            for (Outgoing next; running && (next = ready.pollFirst()) != null;) {
                Step step = offer(next, false, () -> { });
                if (step == Step.SENT) {
                    if (ready.runningLow()) {
                        signal.wakeFanOut();
                    }
                    return;
                }
                if (step != Step.DROPPED) {
                    ready.addFirst(next);
                    break;
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Sending the next delivery: %s; the dispatch thread takes over", e.getMessage());
        }
        slots.give();
        // A free slot is work for the dispatcher at once; the row stays leased until recorded.
        signal.wakeDispatcher();
    }
}
