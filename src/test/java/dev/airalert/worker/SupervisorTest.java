package dev.airalert.worker;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.AirAlertConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The supervisor on its own: back-off, restarts counted, health, and no restart once stopped. */
class SupervisorTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    /** The configuration, as a record: its accessors are the interface's. */
    record Settings(Duration restartDelay, Duration maxRestartDelay, Duration stableAfter, int maxDeaths,
            Duration deathWindow) implements AirAlertConfig.Workers {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Supervisor supervisor;

    private Supervisor supervisor(Duration restartDelay, Duration maxRestartDelay) {
        return supervisor(restartDelay, maxRestartDelay, Duration.ofMinutes(1));
    }

    private Supervisor supervisor(Duration restartDelay, Duration maxRestartDelay, Duration stableAfter) {
        supervisor = new Supervisor(new Settings(restartDelay, maxRestartDelay, stableAfter, 5, Duration.ofMinutes(1)),
                registry);
        return supervisor;
    }

    @AfterEach
    void shutDown() {
        supervisor.shutdown(null);
    }

    private double restarts(String worker) {
        return registry.get("airalert.worker.restarts").tag("worker", worker).counter().count();
    }

    /** A worker whose every run counts itself and waits until the gate opens. */
    private static Worker countingUntilOpen(Supervisor supervisor, String name, AtomicInteger runs, Gate end) {
        return supervisor.start(name, () -> {
            runs.incrementAndGet();
            end.await();
        });
    }

    private static String name() {
        return "test-worker-" + UUID.randomUUID();
    }

    private static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElse(Map.of());
    }

    /** A real StackOverflowError, from a real recursion. */
    private static int deeper(int depth) {
        return deeper(depth + 1) + 1;
    }

    @Test
    void aWorkerThatAlwaysDiesWaitsLongerEachTimeUpToTheMaximumAndLivenessGoesDown() throws Exception {
        Supervisor supervisor = supervisor(Duration.ofMillis(10), Duration.ofMillis(80));
        String name = name();
        AtomicReference<Worker> worker = new AtomicReference<>();
        List<Duration> waitedBefore = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        worker.set(supervisor.start(name, () -> {
            if (runs.incrementAndGet() > 1) {
                waitedBefore.add(worker.get().lastRestartDelay());
            }
            if (runs.get() == 2) {
                deeper(0);
            }
            // A real OutOfMemoryError, without filling the heap of the test run.
            long[] tooLarge = new long[Integer.MAX_VALUE];
            tooLarge[0] = 1;
        }));
        await().atMost(SOON).until(() -> waitedBefore.size() >= 6);
        assertEquals(List.of(10L, 20L, 40L, 80L, 80L, 80L),
                waitedBefore.subList(0, 6).stream().map(Duration::toMillis).toList());

        HealthCheckResponse live = new WorkersLiveness(supervisor).call();
        assertEquals(HealthCheckResponse.Status.DOWN, live.getStatus());
        assertEquals("workers", live.getName());
        assertThat((String) data(live).get(name), matchesPattern("died \\d+ times within PT1M, last at 20.*"));
        assertTrue(restarts(name) >= 6);

        worker.get().stop();
        worker.get().join(SOON);
        int after = runs.get();
        await().during(Duration.ofMillis(400)).atMost(SOON).until(() -> runs.get() == after);
        assertEquals(HealthCheckResponse.Status.UP, new WorkersLiveness(supervisor).call().getStatus(),
                "a stopped worker is no longer in health");
    }

    @Test
    void aWorkerKilledOnceComesBackAndIsCountedOnce() throws Exception {
        Supervisor supervisor = supervisor(Duration.ofMillis(10), Duration.ofSeconds(1));
        String name = name();
        AtomicInteger runs = new AtomicInteger();
        Gate end = new Gate();
        Worker worker = countingUntilOpen(supervisor, name, runs, end);
        Thread first = WorkerThreads.killWhileWaiting(name);
        await().atMost(SOON).until(() -> runs.get() == 2);
        Thread second = WorkerThreads.running(name);
        assertTrue(second != first && second.isAlive());
        assertEquals(1.0, restarts(name));
        assertEquals(HealthCheckResponse.Status.UP, new WorkersReadiness(supervisor).call().getStatus());
        assertEquals(HealthCheckResponse.Status.UP, new WorkersLiveness(supervisor).call().getStatus());

        worker.stop();
        end.open();
        assertTrue(worker.join(SOON));
        await().during(Duration.ofMillis(200)).atMost(SOON).until(() -> runs.get() == 2);
        assertEquals(1.0, restarts(name), "a loop that ends after stop is not restarted");
    }

    @Test
    void aWorkerThatRanStablyIsRestartedAfterTheFirstDelayAgain() {
        Supervisor supervisor = supervisor(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofSeconds(1));
        AtomicReference<Worker> worker = new AtomicReference<>();
        List<Duration> waitedBefore = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Gate end = new Gate();
        worker.set(supervisor.start(name(), () -> {
            int run = runs.incrementAndGet();
            if (run > 1) {
                waitedBefore.add(worker.get().lastRestartDelay());
            }
            if (run == 3) {
                end.await(Duration.ofMillis(1_100));
            } else if (run == 4) {
                end.await();
                return;
            }
            throw new IllegalStateException("run " + run + " dies");
        }));
        await().atMost(SOON).until(() -> runs.get() == 4);
        assertEquals(List.of(10L, 20L, 10L), waitedBefore.stream().map(Duration::toMillis).toList(),
                "the third run lasted longer than stable-after");
        worker.get().stop();
        end.open();
    }

    @Test
    void atShutdownNoWorkerIsRestarted() throws Exception {
        Supervisor supervisor = supervisor(Duration.ofMillis(10), Duration.ofSeconds(1));
        String name = name();
        AtomicInteger runs = new AtomicInteger();
        Gate end = new Gate();
        // Its run ends once the gate opens, as the service stops: an end that is not a stop is a death.
        Worker worker = countingUntilOpen(supervisor, name, runs, end);
        WorkerThreads.running(name);
        supervisor.shutdown(null);
        end.open();
        assertTrue(worker.join(SOON));
        await().during(Duration.ofMillis(200)).atMost(SOON).until(() -> runs.get() == 1);
        assertEquals(0.0, restarts(name));
    }

    /** Where a test worker waits: a monitor, as the service's workers wait on (see DeliverySignal). */
    private static final class Gate {
        private boolean open;

        synchronized void open() {
            open = true;
            notifyAll();
        }

        synchronized void await() {
            await(Duration.ofDays(1));
        }

        /** Until opened, or at least {@code atLeast} has passed. */
        synchronized void await(Duration atLeast) {
            long until = System.nanoTime() + atLeast.toNanos();
            try {
                for (long left; !open && (left = until - System.nanoTime()) > 0;) {
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void readinessNamesAWorkerWaitingForItsRestartAndAStoppedOneIsNotRestarted() throws Exception {
        Supervisor supervisor = supervisor(Duration.ofMillis(300), Duration.ofSeconds(1));
        String name = name();
        AtomicInteger runs = new AtomicInteger();
        Worker worker = supervisor.start(name, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("dies at once");
        });
        await().atMost(SOON).until(() -> worker.lastRestartDelay().toMillis() == 300);
        worker.stop();
        HealthCheckResponse ready = new WorkersReadiness(supervisor).call();
        assertEquals(HealthCheckResponse.Status.UP, ready.getStatus(), "stopped: not stalled");

        String other = name();
        Worker stalled = supervisor.start(other, () -> {
            throw new IllegalStateException("dies at once");
        });
        AtomicReference<HealthCheckResponse> down = new AtomicReference<>();
        await().atMost(SOON).until(() -> {
            down.set(new WorkersReadiness(supervisor).call());
            return down.get().getStatus() == HealthCheckResponse.Status.DOWN;
        });
        ready = down.get();
        assertEquals("workers", ready.getName());
        assertThat((String) data(ready).get(other), startsWith("stalled since 20"));
        stalled.stop();

        await().during(Duration.ofMillis(600)).atMost(SOON).until(() -> runs.get() == 1);
        assertEquals(0.0, restarts(name), "stopped while waiting for its restart");
    }
}
