package dev.airalert.worker;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the service's long-lived workers and keeps them running. A loop that catches what it
 * expects (exceptions) still dies of an Error (a heap filled by an attacker, a stack overflow),
 * and a thread of its own would then be gone for good while publishing and readiness went on
 * as if nothing had happened. Here a worker that dies is logged, started again after a
 * back-off and counted in {@code airalert_worker_restarts_total{worker}}, and health tells
 * ({@link WorkersReadiness}, {@link WorkersLiveness}). Restarts and a watch over every worker
 * run on one small thread of the supervisor's own.
 */
@ApplicationScoped
public class Supervisor {

    private final AirAlertConfig.Workers config;
    private final MeterRegistry registry;
    private final Clock clock = Clocks.UTC;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "airalert-workers");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    Supervisor(AirAlertConfig config, MeterRegistry registry) {
        this(config.workers(), registry);
    }

    Supervisor(AirAlertConfig.Workers config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        scheduler.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Runs {@code loop} on a thread named {@code name}, and again on a new one whenever it ends
     * or dies, until {@link Worker#stop}. The loop must resume from the state it keeps in its
     * owner's fields: a restarted run finds what the dead one left there.
     */
    public Worker start(String name, Runnable loop) {
        Counter restarts = Counter.builder("airalert.worker.restarts")
                .description("Worker threads started again after they died").tag("worker", name).register(registry);
        Worker worker = new Worker(name, loop, scheduler, clock, new Deaths(config), restarts);
        workers.add(worker);
        worker.launch();
        return worker;
    }

    /** The workers not stopped. */
    List<Worker> workers() {
        workers.removeIf(Worker::stopped);
        return List.copyOf(workers);
    }

    Clock clock() {
        return clock;
    }

    private void watch() {
        try {
            workers.forEach(Worker::watch);
        } catch (Throwable e) {
            // Whatever it was (no memory left, say), the watch must go on: a periodic task that throws is never run again.
        }
    }

    /** No worker is restarted once the service is stopping; each channel ends its loops as before. */
    void shutdown(@Observes ShutdownEvent event) {
        workers.forEach(Worker::stop);
        scheduler.shutdownNow();
    }
}
