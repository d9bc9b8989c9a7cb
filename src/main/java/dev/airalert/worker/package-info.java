/**
 * The service's long-lived worker threads, kept running: a worker that dies is restarted after
 * a back-off, counted, and reported by health. Any channel may use it; it knows none of them.
 *
 * <p>The path of one worker: a channel {@link dev.airalert.worker.Supervisor#start starts} its
 * loop; the loop runs on a thread named after it until it ends or dies (any Throwable); the
 * supervisor logs the death, waits (doubling from {@code airalert.workers.restart-delay}) and
 * runs the loop again on a new thread, so the loop must pick up from the state it left in its
 * fields; at shutdown the channel {@link dev.airalert.worker.Worker#stop stops} the worker
 * (no more restarts) and ends its loop as it always did. Readiness names a worker that is not
 * running ("stalled"); liveness goes DOWN for one that cannot be kept running.
 */
package dev.airalert.worker;
