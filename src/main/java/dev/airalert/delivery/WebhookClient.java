package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed webhook request. One pooled HTTP/1.1 client with keep-alive for all
 * endpoints; every request has a hard timeout; redirects are not followed (a 3xx is a
 * failure, as the receiver did not take the event); of the response only the first bytes
 * are kept for the attempt log, the rest is drained so the connection can be reused.
 */
@ApplicationScoped
class WebhookClient {

    static final int EXCERPT_BYTES = 500;

    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "airalert-webhook-io");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock = Clock.systemUTC();

    WebhookClient(AirAlertConfig config) {
        this.timeout = config.webhooks().requestTimeout();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).executor(executor).build();
    }

    CompletableFuture<Outcome> send(Outgoing delivery, String body, List<String> secrets) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "airalert-webhooks/1")
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.signature(secrets, delivery.eventId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long started = System.nanoTime();
        return client.sendAsync(request, r -> HttpResponse.BodySubscribers.fromSubscriber(new Excerpt(), Excerpt::text))
                .handle((response, failure) -> {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (failure != null) {
                        return new Outcome(delivery, clock.instant(), null, null, millis, null, describe(failure));
                    }
                    return new Outcome(delivery, clock.instant(), response.statusCode(),
                            response.headers().firstValue("retry-after").orElse(null), millis, response.body(), null);
                });
    }

    /** Failing before any request: the target became unacceptable. */
    CompletionStage<Outcome> refuse(Outgoing delivery, String why) {
        return CompletableFuture.completedFuture(new Outcome(delivery, clock.instant(), null, null, 0, null,
                "target refused: " + why));
    }

    private String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    /** Keeps the first bytes of a response body and drains the rest. */
    private static final class Excerpt implements Flow.Subscriber<List<ByteBuffer>> {
        private final byte[] kept = new byte[EXCERPT_BYTES];
        private int size;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), kept.length - size);
                buffer.get(kept, size, take);
                size += take;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // The status line is what counts; a broken body only shortens the excerpt.
        }

        @Override
        public void onComplete() {
        }

        String text() {
            return new String(kept, 0, size, StandardCharsets.UTF_8);
        }
    }
}
