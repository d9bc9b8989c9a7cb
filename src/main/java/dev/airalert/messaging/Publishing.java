package dev.airalert.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sending messages through a connector and learning when the broker confirmed each. */
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

    /**
     * At most {@code size} messages of one connector sent and not yet confirmed: a burst (one
     * country-wide alert is some 1,600 messages per scheme, a batch of such events many times
     * that) waits for the broker's confirms instead of overflowing the emitter's buffer, which
     * would end the channel. A message whose confirm never comes gives its room back after
     * {@link #GIVE_UP}.
     */
    static final class Window {

        static final Duration GIVE_UP = Duration.ofMinutes(2);

        private final Semaphore room;
        private final Duration wait;

        Window(int size, Duration wait) {
            this.room = new Semaphore(size);
            this.wait = wait;
        }

        /** Sends for one publish call: see {@link Round}. */
        Round round() {
            return new Round();
        }

        /**
         * One publish call's sends, each waiting for room in the window. Once the broker has not
         * made room for {@code wait}, the round's remaining sends fail at once (their events are
         * published again later) rather than each waiting as long again.
         */
        final class Round {

            private boolean stalled;

            <T> CompletableFuture<Void> send(Emitter<T> emitter, T payload, Metadata metadata) {
                try {
                    if (stalled || !room.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                        stalled = true;
                        return CompletableFuture.failedFuture(new TimeoutException(
                                "the broker confirmed nothing for " + wait.toSeconds() + " s"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stalled = true;
                    return CompletableFuture.failedFuture(e);
                }
                CompletableFuture<Void> confirmed;
                try {
                    confirmed = Publishing.send(emitter, payload, metadata);
                } catch (RuntimeException e) {
                    room.release();
                    return CompletableFuture.failedFuture(e);
                }
                confirmed.orTimeout(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> room.release());
                return confirmed;
            }
        }
    }
}
