/** Webhook delivery: the event log and outbox, fan-out, signing, dispatch, retries, attempt log. */
package dev.airalert.delivery;
