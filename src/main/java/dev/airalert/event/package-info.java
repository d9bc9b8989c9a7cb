/**
 * The durable event log that every channel reads: an entry per published, updated or cancelled
 * alert ({@link dev.airalert.event.AlertEvent}), written in the publish transaction
 * ({@link dev.airalert.event.EventRecorder}), announced to this instance's channels
 * ({@link dev.airalert.event.EventRecorded}) and to the other instances'
 * ({@link dev.airalert.event.CommitNotifications}, {@link dev.airalert.event.EventsCommitted}),
 * and read back with what it covers ({@link dev.airalert.event.EventLog}).
 */
package dev.airalert.event;
