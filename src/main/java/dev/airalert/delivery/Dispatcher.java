package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import dev.airalert.subscription.SubscriptionsRevoked;
import dev.airalert.subscription.TargetGuard;
import dev.airalert.worker.Supervisor;
import dev.airalert.worker.Worker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The delivery engine of this instance, three threads. The fan-out thread hands out new
 * events' deliveries a chunk at a time as there is room, and keeps the outbox entries of
 * the events it holds; the dispatch thread sends what it was handed, and claims due
 * deliveries from the queue (retries, chains that waited, work of instances that died)
 * when it has nothing else; the outcome thread writes what requests gave, in batches, and
 * gives handed deliveries whose first attempt takes long their rows early, so that their
 * event can leave the outbox and a chain's next event need not wait for a slow endpoint.
 *
 * <p>Requests go out asynchronously, at most {@code max-in-flight} at once and at most
 * {@code per-endpoint-concurrency} per subscription, so a slow or dead endpoint holds its
 * own slots and nobody else's. A delivery with a row is sent only while its lease outlasts
 * the request; one whose lease ran low while it waited is left to the queue, which gives it
 * out again when the lease ends. Any number of instances can run this against one database.
 *
 * <p>The three threads are workers of the {@link Supervisor}: one that dies is run again, and
 * each loop first takes up what its dead predecessor left: the fan-out lets go of an event whose
 * chunk it was handing out ({@link FanOut#resume}), the dispatch thread puts back what it held
 * and frees the slots of the delivery it was offering one, and the outcome thread writes the
 * batch it had taken ({@link #recording}).
 */
@ApplicationScoped
class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int CLAIM_BATCH = 500;
    /** A lease lasts the request timeout plus this, from claim or hand-out. */
    private static final Duration LEASE_EXTRA = Duration.ofSeconds(30);
    /** A delivery with a row is sent only while its lease outlasts the request by at least this. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    /** A handed delivery without an outcome after this long gets its row anyway. */
    private static final Duration ROW_AFTER = Duration.ofSeconds(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final int RECORD_BATCH = 1000;
    private static final Duration RECORD_LINGER = Duration.ofMillis(20);

    private final FanOut fanOut;
    private final DeliveryQueue queue;
    private final OutcomeRecorder recorder;
    private final WebhookClient client;
    private final TargetGuard guard;
    private final DeliverySignal signal;
    private final Supervisor supervisor;
    private final AirAlertConfig.Webhooks config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<UUID, Integer> inFlightBySubscription = new ConcurrentHashMap<>();
    /** Deliveries waiting for a free slot: handed by the fan-out or claimed from the queue. */
    private final LinkedBlockingDeque<Outgoing> ready = new LinkedBlockingDeque<>();
    private final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    /** Handed deliveries in the order they were handed, for the outcome thread's early rows. */
    private final ConcurrentLinkedQueue<Outgoing> handed = new ConcurrentLinkedQueue<>();
    /** Handed deliveries that got their row before their outcome came. */
    private final Set<UUID> rowed = ConcurrentHashMap.newKeySet();
    /** Events are immutable: their payloads and signed bodies are kept for the next sends. */
    private final Map<Long, String> payloads = Collections.synchronizedMap(lru(64));
    private final Map<String, byte[]> bodies = Collections.synchronizedMap(lru(256));
    /** Subscriptions whose key was revoked, by when: what this instance still holds for them is refused. */
    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    /** How many ready deliveries wait only for their endpoint's slots (dispatch thread only). */
    private int waitingForEndpoint;
    /** Deliveries the dispatch thread took from ready and has neither sent nor put back (dispatch thread only). */
    private final ArrayDeque<Outgoing> inHand = new ArrayDeque<>();
    /** Whether the last of {@link #inHand} is being offered a slot: it holds a request slot, and maybe its endpoint's. */
    private boolean offering;
    private boolean offeringEndpointSlot;
    private volatile Thread dispatchThread;
    /** Outcomes and early rows the outcome thread took and has not finished with (outcome thread only). */
    private OutcomeBatch recording;
    /** Handed deliveries recorded while still younger than ROW_AFTER: not to get an early row (outcome thread only). */
    private final Set<UUID> recordedEarly = new HashSet<>();
    private Instant nextSweep = Instant.EPOCH;
    private volatile boolean running;
    private final List<Worker> workers = new ArrayList<>();

    Dispatcher(FanOut fanOut, DeliveryQueue queue, OutcomeRecorder recorder, WebhookClient client,
            TargetGuard guard, DeliverySignal signal, Supervisor supervisor, AirAlertConfig config) {
        this.fanOut = fanOut;
        this.queue = queue;
        this.recorder = recorder;
        this.client = client;
        this.guard = guard;
        this.signal = signal;
        this.supervisor = supervisor;
        this.config = config.webhooks();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Webhook delivery is off on this instance (airalert.webhooks.enabled=false)");
            return;
        }
        running = true;
        workers.add(supervisor.start("airalert-fanout", this::fanOutLoop));
        workers.add(supervisor.start("airalert-dispatch", this::dispatchLoop));
        workers.add(supervisor.start("airalert-outcomes", this::recordLoop));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        workers.forEach(Worker::stop);
        running = false;
        signal.wakeFanOut();
        signal.wakeDispatcher();
        signal.wakeRecorder();
        for (Worker worker : workers) {
            worker.join(config.requestTimeout().plusSeconds(5));
        }
    }

    void subscriptionsRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionsRevoked stopped) {
        Instant now = clock.instant();
        stopped.ids().forEach(id -> revoked.put(id, now));
    }

    private Instant leaseEnd(Instant now) {
        return now.plus(config.requestTimeout()).plus(LEASE_EXTRA);
    }

    /** Handed deliveries beyond this wait in the outbox, not in memory. */
    private int readyLimit() {
        return 2 * config.maxInFlight();
    }

    private void fanOutLoop() {
        fanOut.resume(clock.instant());
        while (running) {
            try {
                Instant now = clock.instant();
                if (fanOut.outboxWork(now)) {
                    fanOut.maintainOutbox(now);
                }
                if (ready.size() >= readyLimit()) {
                    signal.awaitFanOut(config.pollInterval().toMillis());
                    continue;
                }
                Optional<List<Outgoing>> chunk = fanOut.next(now, leaseEnd(now));
                if (chunk.isEmpty()) {
                    // Woken by a local publish or by finished events; polls for other instances' events.
                    signal.awaitFanOut(config.pollInterval().toMillis());
                } else {
                    if (!chunk.get().isEmpty()) {
                        handed.addAll(chunk.get());
                        ready.addAll(chunk.get());
                        signal.wakeDispatcher();
                    }
                    fanOut.handedOver();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be restarting: back off, keep the thread, try again.
                LOG.warnf("Fan-out: %s; retrying", e.getMessage());
                sleepQuietly(config.pollInterval().toMillis() * 4);
            }
        }
    }

    private void dispatchLoop() {
        dispatchThread = Thread.currentThread();
        handBack();
        while (running) {
            try {
                int sent = sendReady();
                if (ready.size() == waitingForEndpoint) {
                    sent += claim();
                }
                if (sent == 0) {
                    signal.awaitDispatcher(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                handBack();
                LOG.warnf("Delivery loop: %s; retrying", e.getMessage());
                sleepQuietly(config.pollInterval().toMillis() * 4);
            }
        }
    }

    /** Claims due deliveries from the queue, in batches: a round trip per freed slot would make the database the limit. */
    private int claim() throws SQLException {
        int free = config.maxInFlight() - inFlight.get();
        if (free <= 0 || (inFlight.get() > 0 && free < Math.min(64, config.maxInFlight() / 4))) {
            return 0;
        }
        Instant now = clock.instant();
        Map<UUID, Integer> takenNow = new HashMap<>();
        List<Outgoing> claimed = queue.claim(Math.min(free, CLAIM_BATCH), now, leaseEnd(now), subscription -> {
            if (busy(subscription) + takenNow.getOrDefault(subscription, 0) >= config.perEndpointConcurrency()) {
                return false;
            }
            takenNow.merge(subscription, 1, Integer::sum);
            return true;
        });
        ready.addAll(claimed);
        if (claimed.isEmpty() && now.isAfter(nextSweep)) {
            nextSweep = now.plus(SWEEP_EVERY);
            queue.sweepOrphans(now);
            revoked.values().removeIf(at -> at.isBefore(now.minus(SWEEP_EVERY.multipliedBy(10))));
        }
        return claimed.isEmpty() ? 0 : sendReady();
    }

    private int busy(UUID subscription) {
        return inFlightBySubscription.getOrDefault(subscription, 0);
    }

    /** What became of a ready delivery offered a slot. */
    private enum Step {
        SENT,
        /** Its lease ran low while it waited: left to the queue. */
        DROPPED,
        /** Its endpoint has all its slots busy. */
        ENDPOINT_BUSY,
        /** Sending it needs a blocking call (event payload, DNS): the dispatch thread's job. */
        BLOCKING
    }

    /** Sends ready deliveries while slots are free; those whose endpoint is at its limit wait. */
    private int sendReady() throws SQLException {
        int sent = 0;
        int taken = 0;
        Outgoing delivery;
        while (inFlight.get() < config.maxInFlight() && (delivery = ready.pollFirst()) != null) {
            inHand.addLast(delivery);
            taken++;
            inFlight.incrementAndGet();
            offering = true;
            Step step = offerSlot(delivery, true);
            offering = false;
            offeringEndpointSlot = false;
            if (step != Step.SENT) {
                inFlight.decrementAndGet();
            }
            if (step == Step.SENT) {
                sent++;
            }
            if (step != Step.ENDPOINT_BUSY) {
                inHand.pollLast();
            }
        }
        waitingForEndpoint = inHand.size();
        // Each leaves inHand only once it is back in ready: an Error on the way (no memory) leaves it in hand, not lost.
        for (Outgoing waiting; (waiting = inHand.peekFirst()) != null; inHand.pollFirst()) {
            ready.addLast(waiting);
        }
        if (taken > waitingForEndpoint) {
            signal.wakeFanOut();
        }
        return sent;
    }

    /**
     * After a pass of the dispatch thread failed, or it died: what it held goes back to the
     * head of ready. The delivery it was offering a slot gives its slots back and is left to its
     * lease (it may be what failed): a claimed one is claimed again, a handed one gets its row
     * from the outcome thread and is then claimed.
     */
    private void handBack() {
        if (offering) {
            Outgoing failed = inHand.pollLast();
            inFlight.decrementAndGet();
            if (offeringEndpointSlot) {
                freeEndpointSlot(failed.subscriptionId());
            }
            offering = false;
            offeringEndpointSlot = false;
        }
        for (Outgoing held; (held = inHand.peekLast()) != null; inHand.pollLast()) {
            ready.addFirst(held);
        }
    }

    /** Sends the delivery in a slot the caller holds, if it can go now. */
    private Step offerSlot(Outgoing delivery, boolean mayBlock) throws SQLException {
        boolean hasRow = delivery.handoff() == null || rowed.contains(delivery.deliveryId());
        if (hasRow && delivery.leasedUntil().isBefore(clock.instant().plus(config.requestTimeout()).plus(LEASE_MARGIN))) {
            LOG.debugf("Delivery %s waited too long here; the queue gives it out again when its lease ends",
                    delivery.deliveryId());
            return Step.DROPPED;
        }
        byte[] body = body(delivery, mayBlock);
        Optional<TargetGuard.Verdict> cleared = guard.cleared(delivery.url());
        if (body == null || !mayBlock && cleared.isEmpty()) {
            return Step.BLOCKING;
        }
        if (!takeEndpointSlot(delivery.subscriptionId())) {
            return Step.ENDPOINT_BUSY;
        }
        // The request goes to the address the verdict checked, never to a fresh DNS answer.
        TargetGuard.Verdict verdict = revoked.containsKey(delivery.subscriptionId())
                ? TargetGuard.Verdict.refused("the subscription's API key was revoked")
                : cleared.orElseGet(() -> guard.verdict(delivery.url()));
        (verdict.allowed() ? client.send(delivery, verdict.address(), body, delivery.secrets())
                : client.refuse(delivery, verdict.refusal()))
                .thenAccept(this::finished);
        return Step.SENT;
    }

    /** The signed body's bytes, shared by every delivery of the event in these languages; null if not at hand and blocking is not allowed. */
    private byte[] body(Outgoing delivery, boolean mayBlock) throws SQLException {
        String key = delivery.eventSeq() + "|" + delivery.languages();
        byte[] body = bodies.get(key);
        if (body != null || !mayBlock) {
            return body;
        }
        String payload = payloads.get(delivery.eventSeq());
        if (payload == null) {
            payload = queue.payload(delivery.eventSeq());
            payloads.put(delivery.eventSeq(), payload);
        }
        body = WebhookBody.of(delivery.type(), delivery.eventId(), delivery.eventCreatedAt(), payload,
                delivery.languages()).getBytes(StandardCharsets.UTF_8);
        bodies.put(key, body);
        return body;
    }

    /** One of the endpoint's slots, if it has one free. */
    private boolean takeEndpointSlot(UUID subscription) {
        boolean[] taken = new boolean[1];
        inFlightBySubscription.compute(subscription, (k, n) -> {
            int busy = n == null ? 0 : n;
            taken[0] = busy < config.perEndpointConcurrency();
            return taken[0] ? busy + 1 : n;
        });
        if (taken[0] && Thread.currentThread() == dispatchThread && offering && !offeringEndpointSlot) {
            // The dispatch thread's own offer (not a request that ended on it and passed its slot on).
            offeringEndpointSlot = true;
        }
        return taken[0];
    }

    private void freeEndpointSlot(UUID subscription) {
        inFlightBySubscription.computeIfPresent(subscription, (k, n) -> n == 1 ? null : n - 1);
    }

    /**
     * On the event loop, when a request ended: the next ready delivery takes over the slot
     * at once if nothing about it blocks; otherwise the slot is freed for the dispatch thread.
     */
    private void finished(Outcome outcome) {
        outcomes.add(outcome);
        signal.wakeRecorder();
        freeEndpointSlot(outcome.delivery().subscriptionId());
        try {
            for (Outgoing next; running && (next = ready.pollFirst()) != null;) {
                Step step = offerSlot(next, false);
                if (step == Step.SENT) {
                    if (ready.size() < readyLimit() / 2) {
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
        inFlight.decrementAndGet();
        // A free slot is work for the dispatcher at once; the row stays leased until recorded.
        signal.wakeDispatcher();
    }

    private void recordLoop() {
        while (running || inFlight.get() > 0 || !outcomes.isEmpty() || recording != null) {
            try {
                if (recording == null && !collect()) {
                    continue;
                }
                if (write(recording)) {
                    rowsWritten(recording);
                }
                recording = null;
                // Finished events can leave the outbox; recorded outcomes can release a chain's next event or a retry.
                signal.wakeFanOut();
                signal.wakeDispatcher();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Takes the next outcomes into {@link #recording}, and the handed deliveries that are to get
     * their row early; false when there are none. The batch exists before anything is taken
     * into it and stays until written: a thread that dies loses nothing it took.
     */
    private boolean collect() throws InterruptedException {
        if (outcomes.isEmpty()) {
            signal.awaitOutcomes(config.pollInterval().toMillis());
        }
        if (!outcomes.isEmpty() && outcomes.size() < RECORD_BATCH / 2 && inFlight.get() > 0) {
            // Linger a moment while outcomes stream in: fewer, larger transactions
            // cost the database far less, and no receiver waits for this.
            Thread.sleep(RECORD_LINGER.toMillis());
        }
        OutcomeBatch batch = new OutcomeBatch(clock.instant(), RECORD_BATCH);
        recording = batch;
        outcomes.drainTo(batch.outcomes, RECORD_BATCH);
        Instant youngSince = batch.at.minus(ROW_AFTER);
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
        if (batch.isEmpty()) {
            recording = null;
        }
        return recording != null;
    }

    /**
     * Outcomes are kept until written: if the database is away, the same batch is tried again;
     * a batch tried before (by a thread that died, say) is first looked for. False when it could
     * not be written before shutdown.
     */
    private boolean write(OutcomeBatch batch) throws InterruptedException {
        while (!batch.written) {
            try {
                if (batch.tried && recorder.committed(batch.outcomes, batch.unfinished)) {
                    batch.written = true;
                    break;
                }
                batch.tried = true;
                recorder.record(batch.outcomes, rowed, batch.unfinished, batch.at);
                batch.written = true;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    LOG.warnf("Could not record %d outcomes at shutdown; their events or leases bring them back",
                            batch.outcomes.size());
                    return false;
                }
                LOG.warnf("Recording %d outcomes failed: %s; retrying", batch.outcomes.size(), e.getMessage());
                Thread.sleep(config.pollInterval().toMillis() * 4);
            }
        }
        return true;
    }

    /** The batch is written: which handed deliveries have their rows now, worked out once and kept with the batch. */
    private void rowsWritten(OutcomeBatch batch) {
        if (batch.rowsWritten == null) {
            Instant youngSince = batch.at.minus(ROW_AFTER);
            List<FanOut.Handoff> rows = new ArrayList<>();
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
        fanOut.recorded(batch.rowsWritten);
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
