package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.worker.Supervisor;
import dev.airalert.worker.Worker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The three threads of webhook delivery on this instance, workers of the {@link Supervisor}:
 * {@code airalert-fanout} hands out new events' deliveries as the sender has room and keeps
 * the outbox leases; {@code airalert-dispatch} sends what is ready and claims due deliveries
 * when it has nothing else; {@code airalert-outcomes} writes what requests gave. A thread that
 * dies is run again, and first takes up what its predecessor left ({@link FanOut#resume},
 * {@link Sender#handBack}, the batch {@link OutcomeWriter} keeps). Any number of instances can
 * run these against one database.
 */
@ApplicationScoped
class DeliveryWorkers {

    private static final Logger LOG = Logger.getLogger(DeliveryWorkers.class);

    private final FanOut fanOut;
    private final HeldEvents events;
    private final Sender sender;
    private final Requests requests;
    private final ReadyDeliveries ready;
    private final OutcomeWriter outcomes;
    private final DeliverySignal signal;
    private final Supervisor supervisor;
    private final AirAlertConfig.Webhooks config;
    private final Clock clock = Clocks.UTC;
    private final List<Worker> workers = new ArrayList<>();
    private volatile boolean running;

    DeliveryWorkers(FanOut fanOut, HeldEvents events, Sender sender, Requests requests, ReadyDeliveries ready,
            OutcomeWriter outcomes, DeliverySignal signal, Supervisor supervisor, AirAlertConfig config) {
        this.fanOut = fanOut;
        this.events = events;
        this.sender = sender;
        this.requests = requests;
        this.ready = ready;
        this.outcomes = outcomes;
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
        requests.stop();
        outcomes.stop();
        signal.wakeFanOut();
        signal.wakeDispatcher();
        signal.wakeRecorder();
        for (Worker worker : workers) {
            worker.join(config.requestTimeout().plusSeconds(5));
        }
    }

    private void fanOutLoop() {
        fanOut.resume(clock.instant());
        while (running) {
            try {
                Instant now = clock.instant();
                if (events.due(now)) {
                    events.maintain(now);
                }
                if (!ready.hasRoom()) {
                    signal.awaitFanOut(config.pollInterval().toMillis());
                    continue;
                }
                Optional<List<Outgoing>> chunk = fanOut.next(now, sender.leaseEnd(now));
                if (chunk.isEmpty()) {
                    // Woken by a local publish or by finished events; polls for other instances' events.
                    signal.awaitFanOut(config.pollInterval().toMillis());
                } else {
                    if (!chunk.get().isEmpty()) {
                        sender.hand(chunk.get());
                    }
                    fanOut.handedOver();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be restarting: back off, keep the thread, try again.
                LOG.warnf("Fan-out: %s; retrying", e.getMessage());
                pause();
            }
        }
    }

    private void dispatchLoop() {
        sender.handBack();
        while (running) {
            try {
                if (sender.dispatch() == 0) {
                    signal.awaitDispatcher(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                sender.handBack();
                LOG.warnf("Delivery loop: %s; retrying", e.getMessage());
                pause();
            }
        }
    }

    private void recordLoop() {
        while (running || sender.inFlight() > 0 || !outcomes.idle()) {
            try {
                outcomes.recordNext(() -> sender.inFlight() > 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.pollInterval().multipliedBy(4).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
