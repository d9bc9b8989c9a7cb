package dev.airalert.stream;

import dev.airalert.AirAlertConfig;
import dev.airalert.event.EventLog;
import dev.airalert.event.EventRecorded;
import dev.airalert.event.EventsCommitted;
import dev.airalert.outbox.WakeUps;
import dev.airalert.security.ApiKeyService;
import dev.airalert.security.KeyRevoked;
import dev.airalert.worker.Supervisor;
import dev.airalert.worker.Worker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Follows the durable event log and hands every new alert event to the connected streams.
 * It reads the log, not in-process notifications, so a stream on any instance carries the
 * events every instance committed: it looks when a publish committed here, when another
 * instance's did (on PostgreSQL, see CommitNotifications), and at least every
 * {@code airalert.stream.poll-interval}. Events whose transactions commit out of
 * sequence order are caught by looking back a little each time. The tail is a worker of the
 * {@link Supervisor}: one that died is followed by one that goes on from the last event every
 * stream had ({@link TailPosition}).
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);

    private static final Duration KEY_CHECK_EVERY = Duration.ofSeconds(5);

    private final EventLog eventLog;
    private final ApiKeyService keys;
    private final AirAlertConfig.Stream config;
    private final Supervisor supervisor;
    private final TailPosition position = new TailPosition();
    private final List<Consumer<EventLog.Entry>> listeners = new CopyOnWriteArrayList<>();
    /** How to close the streams opened with each key: they end when the key is revoked. */
    private final Map<String, Set<Runnable>> byKey = new ConcurrentHashMap<>();
    private Instant nextKeyCheck = Instant.EPOCH;
    private final WakeUps wakeUps = new WakeUps();
    private volatile boolean running;
    private Worker tail;

    StreamHub(EventLog eventLog, ApiKeyService keys, Supervisor supervisor, AirAlertConfig config) {
        this.eventLog = eventLog;
        this.keys = keys;
        this.supervisor = supervisor;
        this.config = config.stream();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        tail = supervisor.start("airalert-stream", this::tailLoop);
    }

    void stop(@Observes ShutdownEvent event) {
        if (tail != null) {
            tail.stop();
        }
        running = false;
        wake();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded event) {
        wake();
    }

    void committedElsewhere(@Observes EventsCommitted committed) {
        wake();
    }

    /** Receives every alert event committed from now on, until removed. */
    void listen(Consumer<EventLog.Entry> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<EventLog.Entry> listener) {
        listeners.remove(listener);
    }

    /** Closes the stream with {@code close} when the key it was opened with is revoked (on any instance). */
    void watchKey(String keyId, Runnable close) {
        if (keyId != null) {
            byKey.computeIfAbsent(keyId, k -> ConcurrentHashMap.newKeySet()).add(close);
        }
    }

    void unwatchKey(String keyId, Runnable close) {
        if (keyId != null) {
            byKey.computeIfPresent(keyId, (k, closers) -> {
                closers.remove(close);
                return closers.isEmpty() ? null : closers;
            });
        }
    }

    /** Revoked here: its streams close as soon as the revocation is committed. */
    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyRevoked revoked) {
        close(Set.of(revoked.keyId()));
    }

    /** Revoked on another instance: found by looking at the keys of open streams now and then. */
    private void closeRevokedStreams() {
        Instant now = Instant.now();
        if (byKey.isEmpty() || now.isBefore(nextKeyCheck)) {
            return;
        }
        nextKeyCheck = now.plus(KEY_CHECK_EVERY);
        close(keys.revokedAmong(Set.copyOf(byKey.keySet())));
    }

    private void close(Set<String> keyIds) {
        for (String keyId : keyIds) {
            Set<Runnable> closers = byKey.remove(keyId);
            if (closers != null) {
                closers.forEach(Runnable::run);
            }
        }
    }

    private void wake() {
        wakeUps.wake();
    }

    private void tailLoop() {
        while (running) {
            long before = wakeUps.seen();
            try {
                if (position.started() && listeners.isEmpty()) {
                    // No stream to hand events to: they are passed by their sequence numbers
                    // alone, unread (reading and parsing every event for nobody was a tenth of
                    // a publishing service's processor time).
                    long from = position.lookBackFrom();
                    List<Long> fresh = QuarkusTransaction.requiringNew().call(() -> eventLog.seqsOnlyAfter(from, 1_000));
                    // A stream opened while they were read gets them next round: only events
                    // committed before any stream was open are passed unread.
                    if (listeners.isEmpty()) {
                        fresh.stream().filter(seq -> !position.passed(seq)).forEach(position::pass);
                    }
                } else if (!position.started()) {
                    position.startAt(QuarkusTransaction.requiringNew().call(eventLog::lastSeq));
                } else {
                    // Only the sequence numbers are read again for the look-back; events are
                    // read (and their JSON parsed) once, when first seen.
                    long from = position.lookBackFrom();
                    List<EventLog.Entry> entries = QuarkusTransaction.requiringNew().call(() -> eventLog.find(
                            eventLog.seqsAfter(from, Instant.EPOCH, 1_000).stream().filter(seq -> !position.passed(seq))
                                    .toList()));
                    for (EventLog.Entry entry : entries) {
                        broadcast(entry);
                        position.pass(entry.seq());
                    }
                }
                closeRevokedStreams();
            } catch (RuntimeException e) {
                LOG.warnf("Stream: reading the event log failed (%s); trying again", e.getMessage());
            }
            try {
                if (running) {
                    wakeUps.awaitAfter(before, config.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** To every stream; one whose connection fails does not keep the event from the others. */
    private void broadcast(EventLog.Entry entry) {
        for (Consumer<EventLog.Entry> listener : listeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                LOG.debugf("Stream: a reader's stream failed on event %s (%s)", entry.id(), e.getMessage());
            }
        }
    }
}
