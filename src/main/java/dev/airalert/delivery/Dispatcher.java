package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import dev.airalert.subscription.TargetGuard;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The delivery engine of this instance. One thread fans out outbox events and claims due
 * deliveries; requests go out asynchronously, at most {@code max-in-flight} at once and at
 * most {@code per-endpoint-concurrency} per subscription, so a slow or dead endpoint holds
 * its own slots and nobody else's; a second thread writes outcomes in batches. Any number
 * of instances can run this against one database.
 */
@ApplicationScoped
class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int CLAIM_BATCH = 500;

    private final FanOut fanOut;
    private final DeliveryQueue queue;
    private final OutcomeRecorder recorder;
    private final WebhookClient client;
    private final TargetGuard guard;
    private final DeliverySignal signal;
    private final AirAlertConfig.Webhooks config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, AtomicInteger> inFlightBySubscription = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    /** Events are immutable: their payloads and signed bodies are kept for the next claims. */
    private final Map<Long, String> payloads = lru(64);
    private final Map<String, String> bodies = lru(256);
    private volatile boolean running;
    private Thread dispatch;
    private Thread record;

    Dispatcher(FanOut fanOut, DeliveryQueue queue, OutcomeRecorder recorder, WebhookClient client,
            TargetGuard guard, DeliverySignal signal, AirAlertConfig config) {
        this.fanOut = fanOut;
        this.queue = queue;
        this.recorder = recorder;
        this.client = client;
        this.guard = guard;
        this.signal = signal;
        this.config = config.webhooks();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Webhook delivery is off on this instance (airalert.webhooks.enabled=false)");
            return;
        }
        running = true;
        dispatch = new Thread(this::dispatchLoop, "airalert-dispatch");
        record = new Thread(this::recordLoop, "airalert-outcomes");
        dispatch.start();
        record.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (dispatch != null) {
            signal.wake();
            dispatch.join(5_000);
            record.join(config.requestTimeout().toMillis() + 5_000);
        }
    }

    private void dispatchLoop() {
        long nextOutboxLook = 0;
        while (running) {
            try {
                int fannedOut = 0;
                // The outbox is looked at when a local publish announced events, or every poll
                // interval for events other instances committed; not on every finished request.
                if (signal.takeNewEvents() || System.nanoTime() >= nextOutboxLook) {
                    fannedOut = fanOut.runOnce();
                    nextOutboxLook = System.nanoTime() + config.pollInterval().toNanos();
                    if (fannedOut > 0) {
                        signal.wakeForEvents();
                    }
                }
                int sent = claimAndSend();
                if (fannedOut == 0 && sent == 0) {
                    signal.await(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | java.sql.SQLException e) {
                // The database may be restarting: back off, keep the thread, try again.
                LOG.warnf("Delivery loop: %s; retrying", e.getMessage());
                sleepQuietly(config.pollInterval().toMillis() * 4);
            }
        }
    }

    private int claimAndSend() throws java.sql.SQLException {
        int free = config.maxInFlight() - inFlight.get();
        // Claim in batches: a round trip per freed slot would make the database the limit.
        if (free <= 0 || (inFlight.get() > 0 && free < Math.min(64, config.maxInFlight() / 4))) {
            return 0;
        }
        Instant now = clock.instant();
        Map<UUID, Integer> takenNow = new HashMap<>();
        List<Outgoing> claimed = queue.claim(Math.min(free, CLAIM_BATCH), now,
                now.plus(config.requestTimeout()).plus(Duration.ofSeconds(30)), subscription -> {
                    int busy = inFlightBySubscription.getOrDefault(subscription, new AtomicInteger()).get()
                            + takenNow.getOrDefault(subscription, 0);
                    if (busy >= config.perEndpointConcurrency()) {
                        return false;
                    }
                    takenNow.merge(subscription, 1, Integer::sum);
                    return true;
                });
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Long> missing = claimed.stream().map(Outgoing::eventSeq).distinct()
                .filter(seq -> !payloads.containsKey(seq)).toList();
        payloads.putAll(queue.payloads(missing));
        for (Outgoing delivery : claimed) {
            inFlight.incrementAndGet();
            inFlightBySubscription.computeIfAbsent(delivery.subscriptionId(), k -> new AtomicInteger()).incrementAndGet();
            String body = bodies.computeIfAbsent(delivery.eventSeq() + "|" + delivery.languages(), k ->
                    WebhookBody.of(delivery.type(), delivery.eventId(), delivery.eventCreatedAt(),
                            payloads.get(delivery.eventSeq()), delivery.languages()));
            guard.refusal(delivery.url())
                    .map(why -> client.refuse(delivery, why))
                    .orElseGet(() -> client.send(delivery, body, delivery.secrets()))
                    .thenAccept(this::finished);
        }
        return claimed.size();
    }

    private void finished(Outcome outcome) {
        outcomes.add(outcome);
        inFlight.decrementAndGet();
        inFlightBySubscription.get(outcome.delivery().subscriptionId()).decrementAndGet();
        // A free slot is work for the claim loop at once; the row stays leased until recorded.
        signal.wake();
    }

    private void recordLoop() {
        while (running || inFlight.get() > 0 || !outcomes.isEmpty()) {
            try {
                Outcome first = outcomes.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Outcome> batch = new ArrayList<>(List.of(first));
                outcomes.drainTo(batch, 999);
                recordWithRetry(batch);
                signal.wake();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Outcomes are kept until written: if the database is away, the same batch is tried again. */
    private void recordWithRetry(List<Outcome> batch) throws InterruptedException {
        while (true) {
            try {
                recorder.record(batch, clock.instant());
                return;
            } catch (java.sql.SQLException | RuntimeException e) {
                if (!running) {
                    LOG.warnf("Could not record %d outcomes at shutdown; their leases will expire and they will be retried", batch.size());
                    return;
                }
                LOG.warnf("Recording %d outcomes failed: %s; retrying", batch.size(), e.getMessage());
                Thread.sleep(config.pollInterval().toMillis() * 4);
            }
        }
    }

    private static <K, V> Map<K, V> lru(int size) {
        return new java.util.LinkedHashMap<>(size, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
