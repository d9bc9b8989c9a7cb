package dev.airalert.messaging;

import dev.airalert.AirAlertConfig;
import dev.airalert.delivery.EventLog;
import dev.airalert.delivery.EventRecorded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The broker outbox. Publishing writes one row per switched-on connector in the publish
 * transaction; this instance's relay thread claims due rows ({@code FOR UPDATE SKIP LOCKED},
 * leased by moving {@code due_at}), publishes their events and deletes a row only when the
 * broker confirmed every message of it. A broker that is down or restarting makes the
 * publish fail or time out: the row is due again after a back-off, so messages are delayed,
 * never lost (and may arrive twice, with the same message id).
 */
@ApplicationScoped
class BrokerRelay {

    private static final Logger LOG = Logger.getLogger(BrokerRelay.class);
    private static final int BATCH = 100;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final List<BrokerPublisher> publishers;
    private final EntityManager em;
    private final EventLog eventLog;
    private final AirAlertConfig.Messaging config;
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    /** Counts wake-ups, so that every relay thread sees each one. */
    private long wakes;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    BrokerRelay(Instance<BrokerPublisher> publishers, EntityManager em, EventLog eventLog, AirAlertConfig config) {
        this.publishers = publishers.stream().filter(BrokerPublisher::enabled).toList();
        this.em = em;
        this.eventLog = eventLog;
        this.config = config.messaging();
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
            threads.add(new Thread(() -> relayLoop(publisher), "airalert-broker-" + publisher.name()));
        }
        threads.forEach(Thread::start);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        for (Thread thread : threads) {
            thread.join(CONFIRM_TIMEOUT.toMillis());
        }
    }

    /** In the publish transaction: the event is to go out through every switched-on broker. */
    void record(@Observes EventRecorded event) {
        for (BrokerPublisher publisher : publishers) {
            em.createNativeQuery("INSERT INTO broker_outbox (connector, event_seq, due_at, attempts) VALUES (?1, ?2, ?3, 0)")
                    .setParameter(1, publisher.name()).setParameter(2, event.seq())
                    .setParameter(3, clock.instant()).executeUpdate();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded event) {
        wake();
    }

    private void wake() {
        lock.lock();
        try {
            wakes++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void relayLoop(BrokerPublisher publisher) {
        while (running) {
            long before = currentWakes();
            int published = 0;
            try {
                published = relay(publisher);
            } catch (RuntimeException e) {
                LOG.warnf("Publishing to %s: %s; retrying", publisher.name(), e.getMessage());
            }
            if (published == 0) {
                awaitWork(before);
            }
        }
    }

    private long currentWakes() {
        lock.lock();
        try {
            return wakes;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a wake-up after {@code seen}, or the poll interval. */
    private void awaitWork(long seen) {
        lock.lock();
        try {
            if (wakes == seen) {
                work.await(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Claims due events for one broker, publishes them, and settles their rows. */
    private int relay(BrokerPublisher publisher) {
        Instant now = clock.instant();
        List<Object[]> claimed = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT event_seq, attempts FROM broker_outbox"
                    + " WHERE connector = ?1 AND due_at <= ?2 ORDER BY event_seq LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
                    .setParameter(1, publisher.name()).setParameter(2, now).getResultList();
            for (Object[] row : rows) {
                em.createNativeQuery("UPDATE broker_outbox SET due_at = ?1 WHERE connector = ?2 AND event_seq = ?3")
                        .setParameter(1, now.plus(LEASE)).setParameter(2, publisher.name())
                        .setParameter(3, ((Number) row[0]).longValue()).executeUpdate();
            }
            return rows;
        });
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> confirms = QuarkusTransaction.requiringNew().call(() -> {
            List<EventLog.Entry> events = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < claimed.size(); i++) {
                Optional<EventLog.Entry> entry = eventLog.find(((Number) claimed.get(i)[0]).longValue());
                if (entry.isPresent()) {
                    events.add(entry.get());
                    positions.add(i);
                }
            }
            List<CompletableFuture<Void>> published = publisher.publish(events);
            List<CompletableFuture<Void>> all = new ArrayList<>();
            claimed.forEach(row -> all.add(CompletableFuture.completedFuture(null)));
            for (int i = 0; i < positions.size(); i++) {
                all.set(positions.get(i), published.get(i));
            }
            return all;
        });
        List<Long> done = new ArrayList<>();
        List<Object[]> failed = new ArrayList<>();
        long deadline = System.nanoTime() + CONFIRM_TIMEOUT.toNanos();
        for (int i = 0; i < claimed.size(); i++) {
            try {
                confirms.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                done.add(((Number) claimed.get(i)[0]).longValue());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (Exception e) {
                failed.add(claimed.get(i));
            }
        }
        settle(publisher, done, failed);
        if (!failed.isEmpty()) {
            LOG.warnf("%s did not confirm %d events; publishing them again after a back-off", publisher.name(), failed.size());
        }
        return done.size();
    }

    private void settle(BrokerPublisher publisher, List<Long> done, List<Object[]> failed) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Long seq : done) {
                em.createNativeQuery("DELETE FROM broker_outbox WHERE connector = ?1 AND event_seq = ?2")
                        .setParameter(1, publisher.name()).setParameter(2, seq).executeUpdate();
            }
            for (Object[] row : failed) {
                int attempts = ((Number) row[1]).intValue() + 1;
                List<Duration> schedule = config.retrySchedule();
                Duration wait = schedule.get(Math.min(attempts, schedule.size()) - 1);
                em.createNativeQuery("UPDATE broker_outbox SET due_at = ?1, attempts = ?2 WHERE connector = ?3"
                        + " AND event_seq = ?4").setParameter(1, now.plus(wait)).setParameter(2, attempts)
                        .setParameter(3, publisher.name()).setParameter(4, ((Number) row[0]).longValue()).executeUpdate();
            }
        });
    }
}
