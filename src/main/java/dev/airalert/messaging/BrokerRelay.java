package dev.airalert.messaging;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.event.EventLog;
import dev.airalert.event.EventRecorded;
import dev.airalert.event.EventsCommitted;
import dev.airalert.outbox.Backoff;
import dev.airalert.outbox.OutboxClaim;
import dev.airalert.outbox.WakeUps;
import dev.airalert.worker.Supervisor;
import dev.airalert.worker.Worker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The broker outbox. Publishing writes one row per switched-on connector in the publish
 * transaction; this instance's relay thread claims due rows ({@link OutboxClaim}: skipping
 * those another instance holds, leased by moving {@code due_at}), publishes their events and deletes a row only when the
 * broker confirmed every message of it. A broker that is down or restarting makes the
 * publish fail or time out: the row is due again after a back-off, so messages are delayed,
 * never lost (and may arrive twice, with the same message id). The relays are workers of the
 * {@link Supervisor}; the batches a relay published and has not settled are kept here, so that
 * one that died is followed by one that settles them (a batch it claimed but had not yet kept
 * comes back when its lease ends).
 */
@ApplicationScoped
class BrokerRelay {

    private static final Logger LOG = Logger.getLogger(BrokerRelay.class);
    private static final int BATCH = 250;
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** How long a broker may take to confirm a batch, and to make room for more of it. */
    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Messages a connector may have sent and not yet confirmed ({@link Publishing.Window}):
     * room for ten country-wide alerts' place messages, a quarter of the emitters' buffers.
     */
    static final int UNCONFIRMED = 16_384;

    /** A claimed outbox row: the event, and how often publishing it failed. */
    private record Due(long seq, int attempts) {
    }

    private static final OutboxClaim<Due> CLAIMS = new OutboxClaim<>("broker_outbox", "due_at", "event_seq",
            "bigint", "connector = ?", rs -> new Due(rs.getLong(1), rs.getInt(2)), Due::seq);

    private final List<BrokerPublisher> publishers;
    private final EntityManager em;
    private final EventLog eventLog;
    private final AirAlertConfig.Messaging config;
    private final Clock clock = Clocks.UTC;
    private final WakeUps wakeUps = new WakeUps();
    private final Backoff backoff;
    private final Supervisor supervisor;
    /** Per broker, the batches published and not yet settled, oldest first: at most two. */
    private final Map<String, Deque<Batch>> unsettled = new ConcurrentHashMap<>();
    private volatile boolean running;
    private final List<Worker> workers = new ArrayList<>();

    BrokerRelay(Instance<BrokerPublisher> publishers, EntityManager em, EventLog eventLog, Supervisor supervisor,
            AirAlertConfig config) {
        this.publishers = publishers.stream().filter(BrokerPublisher::enabled).toList();
        this.em = em;
        this.eventLog = eventLog;
        this.supervisor = supervisor;
        this.config = config.messaging();
        // A broker that is back takes what waited at once; no jitter needed. Never given up: the last step repeats.
        this.backoff = new Backoff(this.config.retrySchedule(), Duration.ZERO, 0);
    }

    void start(@Observes StartupEvent event) {
        if (publishers.isEmpty()) {
            LOG.info("Message brokers: none switched on (airalert.messaging.rabbitmq|mqtt|kafka.enabled)");
            return;
        }
        LOG.infof("Message brokers: publishing alerts to %s", publishers.stream().map(BrokerPublisher::name).toList());
        running = true;
        // One thread per broker: a slow or absent broker does not hold up the others.
        for (BrokerPublisher publisher : publishers) {
            unsettled.put(publisher.name(), new ConcurrentLinkedDeque<>());
            workers.add(supervisor.start("airalert-broker-" + publisher.name(), () -> relayLoop(publisher)));
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        workers.forEach(Worker::stop);
        running = false;
        wake();
        for (Worker worker : workers) {
            worker.join(CONFIRM_TIMEOUT);
        }
    }

    /**
     * In the publish transaction: the event is to go out through every switched-on broker.
     * Broker topics are read by whoever may subscribe to them, so a restricted event (a
     * Restricted or Private alert) never goes there.
     */
    void record(@Observes EventRecorded event) {
        if (!event.isPublic()) {
            return;
        }
        for (BrokerPublisher publisher : publishers) {
            em.createNativeQuery("INSERT INTO broker_outbox (connector, event_seq, due_at, attempts) VALUES (?1, ?2, ?3, 0)")
                    .setParameter(1, publisher.name()).setParameter(2, event.seq())
                    .setParameter(3, clock.instant()).executeUpdate();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded event) {
        wake();
    }

    void committedElsewhere(@Observes EventsCommitted committed) {
        wake();
    }

    private void wake() {
        wakeUps.wake();
    }

    /**
     * Two batches at a time: the next batch is claimed and published while the broker is
     * still confirming the previous one, which is then settled.
     */
    private void relayLoop(BrokerPublisher publisher) {
        Deque<Batch> open = unsettled.get(publisher.name());
        while (running) {
            long before = wakeUps.seen();
            boolean published = false;
            int settled = 0;
            try {
                Batch next = publishBatch(publisher);
                if (next != null) {
                    open.addLast(next);
                    published = true;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Publishing to %s: %s; retrying", publisher.name(), e.getMessage());
            }
            if (open.size() > 1 || !published && !open.isEmpty()) {
                try {
                    settled = settle(publisher, open.peekFirst());
                } catch (RuntimeException e) {
                    // Not settled: the rows' lease runs out and they are published again.
                    LOG.warnf("Settling %s: %s", publisher.name(), e.getMessage());
                }
                open.pollFirst();
            }
            if (!published && settled == 0) {
                try {
                    wakeUps.awaitAfter(before, config.pollInterval());
                } catch (InterruptedException e) {
                    // Only this relay ends (the supervisor runs it again unless stopping); the others go on.
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        for (Batch batch; (batch = open.peekFirst()) != null; open.pollFirst()) {
            settle(publisher, batch);
        }
    }

    /** A published batch: its outbox rows and, per event, when the broker confirmed it. */
    private record Batch(List<Due> rows, Map<Long, CompletableFuture<Void>> confirms, long deadline) {
    }

    /** Claims due events for one broker and publishes them; null when none is due. */
    private Batch publishBatch(BrokerPublisher publisher) {
        Instant now = clock.instant();
        List<Due> claimed = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT event_seq, attempts FROM broker_outbox"
                    + " WHERE connector = ? AND due_at <= ? ORDER BY event_seq LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")) {
                select.setString(1, publisher.name());
                // Times as Hibernate binds them where due_at is written (an exact instant).
                select.setObject(2, now.atOffset(ZoneOffset.UTC));
                // No more than a bounded amount of payload per batch: the rest stays due for the next one.
                return CLAIMS.claim(c, select, due -> due.subList(0,
                        eventLog.withinBudget(due.stream().map(Due::seq).toList()).size()),
                        publisher.name(), now.plus(LEASE).atOffset(ZoneOffset.UTC));
            }
        }));
        if (claimed.isEmpty()) {
            return null;
        }
        Map<Long, CompletableFuture<Void>> confirms = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            List<EventLog.Entry> events = eventLog.find(claimed.stream().map(Due::seq).toList());
            List<CompletableFuture<Void>> published = publisher.publish(events);
            for (int i = 0; i < events.size(); i++) {
                confirms.put(events.get(i).seq(), published.get(i));
            }
        });
        return new Batch(claimed, confirms, System.nanoTime() + CONFIRM_TIMEOUT.toNanos());
    }

    /** Waits for the batch's confirms; deletes the confirmed rows, makes the others due after a back-off. */
    private int settle(BrokerPublisher publisher, Batch batch) {
        List<Long> done = new ArrayList<>();
        List<Due> failed = new ArrayList<>();
        for (Due row : batch.rows()) {
            try {
                // An event no longer in the log has nothing to publish.
                batch.confirms().getOrDefault(row.seq(), CompletableFuture.completedFuture(null))
                        .get(Math.max(0, batch.deadline() - System.nanoTime()), TimeUnit.NANOSECONDS);
                done.add(row.seq());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (Exception e) {
                failed.add(row);
            }
        }
        settle(publisher, done, failed);
        if (!failed.isEmpty()) {
            LOG.warnf("%s did not confirm %d events; publishing them again after a back-off", publisher.name(), failed.size());
        }
        return done.size();
    }

    private void settle(BrokerPublisher publisher, List<Long> done, List<Due> failed) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            if (!done.isEmpty()) {
                em.createNativeQuery("DELETE FROM broker_outbox WHERE connector = ?1 AND event_seq IN (?2)")
                        .setParameter(1, publisher.name()).setParameter(2, done).executeUpdate();
            }
            for (Due row : failed) {
                int attempts = row.attempts() + 1;
                Duration wait = backoff.untiring(attempts);
                em.createNativeQuery("UPDATE broker_outbox SET due_at = ?1, attempts = ?2 WHERE connector = ?3"
                        + " AND event_seq = ?4").setParameter(1, now.plus(wait)).setParameter(2, attempts)
                        .setParameter(3, publisher.name()).setParameter(4, row.seq()).executeUpdate();
            }
        });
    }
}
