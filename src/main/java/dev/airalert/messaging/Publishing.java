package dev.airalert.messaging;

import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sending one message through a connector and learning when the broker confirmed it. */
final class Publishing {

    private Publishing() {
    }

    /** Completes when the connector acknowledges the message (the broker confirmed it), fails on a nack. */
    static <T> CompletableFuture<Void> send(Emitter<T> emitter, T payload, Metadata metadata) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        emitter.send(Message.of(payload, metadata, () -> {
            confirmed.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            confirmed.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return confirmed;
    }
}
