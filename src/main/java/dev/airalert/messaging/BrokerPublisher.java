package dev.airalert.messaging;

import dev.airalert.event.EventLog;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One message broker connector: publishes events, each done when the broker confirmed all its messages. */
interface BrokerPublisher {

    /** The connector's name in configuration and in the broker outbox. */
    String name();

    /** Whether this connector is switched on. */
    boolean enabled();

    /**
     * Publishes the events' messages, in order; one stage per event, complete when the broker
     * confirmed every message of that event. Runs inside a transaction (it may read).
     */
    List<CompletableFuture<Void>> publish(List<EventLog.Entry> events);
}
