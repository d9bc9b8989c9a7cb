/**
 * What every channel's outbox engine needs, whatever it sends: claiming due rows under a lease
 * ({@link dev.airalert.outbox.OutboxClaim}), retries with back-off
 * ({@link dev.airalert.outbox.Backoff}), send slots overall and per target
 * ({@link dev.airalert.outbox.SendSlots}) and waking its workers when there is work
 * ({@link dev.airalert.outbox.WakeUps}). The workers themselves run under the supervisor of
 * {@code dev.airalert.worker}.
 */
package dev.airalert.outbox;
