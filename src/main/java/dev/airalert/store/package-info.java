/**
 * The embedded default's H2 file database, and what keeps it whole: every commit is in the
 * file before it returns (the URL in {@code application.properties}: no write delay, a file
 * channel that thread interrupts cannot close), the file is kept compact although every
 * commit writes, and the JVM is expected to stop rather than write on with a full heap.
 */
package dev.airalert.store;
