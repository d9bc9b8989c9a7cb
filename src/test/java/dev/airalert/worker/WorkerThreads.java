package dev.airalert.worker;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's worker threads, for tests that kill one: found by name, killed with the
 * ThreadDeath that {@code Thread.stop} throws into them, and their restarts read from
 * {@code /q/metrics}.
 */
public final class WorkerThreads {

    private static final Duration SOON = Duration.ofSeconds(10);

    private WorkerThreads() {
    }

    /** The live thread of the worker of this name (waits for one). */
    public static Thread running(String name) {
        await().atMost(SOON).until(() -> find(name).isPresent());
        return find(name).get();
    }

    /** The worker's thread once it is a new one, no longer {@code killed}. */
    public static Thread restarted(String name, Thread killed) {
        await().atMost(SOON).until(() -> find(name).filter(t -> t != killed).isPresent());
        return find(name).get();
    }

    private static Optional<Thread> find(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
                .findFirst();
    }

    /**
     * Kills the worker's thread while it waits for work (in {@code Object.wait}, where the
     * service's workers idle), and returns it once it is dead.
     */
    public static Thread killWhileWaiting(String name) {
        Thread thread = running(name);
        await().atMost(SOON).pollInterval(Duration.ofMillis(2)).until(() -> waitsOnMonitor(thread));
        return kill(thread);
    }

    /** Kills the worker's thread wherever it is. */
    public static Thread kill(String name) {
        return kill(running(name));
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static Thread kill(Thread thread) {
        thread.stop();
        await().atMost(SOON).until(() -> !thread.isAlive());
        return thread;
    }

    private static boolean waitsOnMonitor(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().equals("java.lang.Object")
                && stack[0].getMethodName().equals("wait");
    }

    /** {@code airalert_worker_restarts_total} of the worker, as the service's {@code /q/metrics} shows it. */
    public static double restarts(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^airalert_worker_restarts_total\\{worker=\"" + Pattern.quote(name) + "\"} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        if (!line.find()) {
            throw new AssertionError("no airalert_worker_restarts_total for " + name);
        }
        return Double.parseDouble(line.group(1));
    }
}
