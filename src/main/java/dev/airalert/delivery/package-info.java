/**
 * Webhooks, a channel of the event log: subscribers' endpoints get each event that matches
 * them as a signed POST (Standard Webhooks), at least once, in order within an alert's chain.
 *
 * <p>The path of one event:
 * <pre>
 *  publish transaction   WebhookOutbox      an outbox row for the event
 *  airalert-fanout       HeldEvents         picks it under a lease (SKIP LOCKED, chain order)
 *                        FanOut             finds its Recipients once; hands them out a chunk at a
 *                                           time as ReadyDeliveries, with no row yet (a subscriber
 *                                           whose chain waits gets a queued row instead)
 *  airalert-dispatch     Sender             takes a send slot (overall and per endpoint) for each
 *                        Requests           and sends it: the body is built once per event and
 *                        WebhookBodies      language list, signed, and the request goes to the
 *                        WebhookClient      address the TargetGuard vetted
 *  event loop            Requests           the request ended: its slot passes to the next ready one
 *  airalert-outcomes     OutcomeWriter      outcomes in batches; EarlyRows gives a slow first attempt
 *                                           its row after a second
 *                        OutcomeRecorder    one transaction per batch, as OutcomeDecision says:
 *                                           delivered, pending with its next attempt, or failed;
 *                                           the subscription healthy, failing or gone
 *                        HeldEvents         once every delivery of the event has its row, the
 *                                           event leaves the outbox
 *  later                 DueDeliveries      retries and queued deliveries are claimed from the
 *                                           DeliveryQueue (SKIP LOCKED, leased) and sent the same way
 * </pre>
 *
 * <p>Words: an <em>event</em> is an entry of the event log; a <em>delivery</em> is one event for
 * one subscription; <em>handed</em> means given to the sender straight from the fan-out, before
 * its row exists; a <em>lease</em> is how long an instance may keep an event or a delivery before
 * another takes it over; a <em>slot</em> is room for one request in flight.
 */
package dev.airalert.delivery;
