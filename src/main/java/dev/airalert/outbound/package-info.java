/**
 * Requests this service makes to addresses others give it (webhook targets, and any channel or
 * poller after them) are kept off its own network: which targets are acceptable, and the
 * address a request is to connect to.
 */
package dev.airalert.outbound;
