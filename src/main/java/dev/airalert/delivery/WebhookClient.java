package dev.airalert.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.AirAlertConfig;
import com.interaso.webpush.WebPush;
import dev.airalert.Clocks;
import dev.airalert.compat.UkraineAlarmWebhooks;
import dev.airalert.outbound.TargetGuard;
import dev.airalert.push.PushKeys;
import dev.airalert.subscription.PushSubscriptions;
import dev.airalert.subscription.WebhookFormat;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Sends one signed webhook request, without blocking a thread per request: Vert.x's HTTP
 * client, pooled connections with keep-alive for all endpoints. Every request has a hard
 * timeout, counted from its start (a receiver answering slowly does not extend it); redirects are not followed (a 3xx is a failure, as the receiver did not take the
 * event); of the response only the first bytes are kept for the attempt log.
 *
 * <p>A request goes to the address the target guard vetted, not to whatever the URL's host
 * resolves to by then: the host name still makes the Host header, the TLS server name (SNI)
 * and the name the certificate must match, as the client derives those from the URL and the
 * vetted address only replaces the socket address. Pooled connections are kept per address
 * and host name, so a connection opened to one vetted address never serves another.
 */
@ApplicationScoped
class WebhookClient {

    static final int EXCERPT_BYTES = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration timeout;
    private final PushKeys pushKeys;
    private final Clock clock = Clocks.UTC;

    @Inject
    WebhookClient(Vertx vertx, AirAlertConfig config, PushKeys pushKeys) {
        this(vertx, options(config.webhooks().requestTimeout()), config.webhooks().requestTimeout(),
                config.webhooks().maxInFlight(), pushKeys);
    }

    WebhookClient(Vertx vertx, HttpClientOptions options, Duration timeout, int maxInFlight, PushKeys pushKeys) {
        this.vertx = vertx;
        this.timeout = timeout;
        this.pushKeys = pushKeys;
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(maxInFlight));
    }

    static HttpClientOptions options(Duration timeout) {
        return new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true)
                .setTryUseCompression(false);
    }

    /**
     * Sends the body (UTF-8 JSON, shared by every delivery of the event: never written to) to
     * the address the guard vetted for the delivery's URL. A ukrainealarm-style delivery is a
     * JSON array of bodies, sent one after the other as requests of their own; it is delivered
     * when every one is, and a retry sends them all again (each holds its region's whole state,
     * so a repeat is harmless).
     */
    CompletableFuture<Outcome> send(Outgoing delivery, InetAddress vetted, byte[] body, List<String> secrets) {
        if (delivery.format() == WebhookFormat.UKRAINEALARM) {
            JsonNode requests;
            try {
                requests = JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("ukrainealarm requests are a JSON array", e);
            }
            return sendEach(delivery, vetted, requests, 0, System.nanoTime() + timeout.toNanos());
        }
        long timestamp = clock.instant().getEpochSecond();
        return post(delivery, vetted, body, Map.of(
                "user-agent", "airalert-webhooks/1",
                "webhook-id", delivery.eventId(),
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSigner.signature(secrets, delivery.eventId(), timestamp, body)),
                timeout.toMillis());
    }

    /**
     * Sends a push message (RFC 8030): the notice encrypted for the browser (RFC 8291, a fresh
     * key agreement per message, on the {@link PushCrypto} threads: about a millisecond of CPU
     * each), with a VAPID token for the push service (RFC 8292), {@code TTL} up to when the
     * message is stale, {@code Urgency} and a {@code Topic} per alert chain, so that a push
     * service still holding an undelivered message of the chain replaces it.
     */
    CompletableFuture<Outcome> push(Outgoing delivery, InetAddress vetted, PushNotices.Notice notice,
            PushCrypto crypto) {
        long ttl = Math.max(0, Duration.between(clock.instant(), delivery.sendBy()).toSeconds());
        String[] keys = PushSubscriptions.keys(delivery.secrets());
        return crypto.encrypt(notice.plaintext(), keys[0], keys[1]).handle((body, failed) -> {
            if (failed != null) {
                return CompletableFuture.completedFuture(new Outcome(delivery, clock.instant(), null, null, 0, null,
                        "could not encrypt for this browser: " + describe(failed)));
            }
            WebPush webPush = pushKeys.webPush();
            String audience = Outgoing.origin(delivery.url());
            Map<String, String> headers = new LinkedHashMap<>(webPush.getHeadersWithToken(pushKeys.token(audience),
                    (int) ttl, delivery.chainKey(), notice.urgent() ? WebPush.Urgency.High : WebPush.Urgency.Normal));
            headers.put("user-agent", "airalert-push/1");
            return post(delivery, vetted, body, headers, timeout.toMillis());
        }).thenCompose(outcome -> outcome);
    }

    /**
     * The requests one after the other, all within one request timeout (the delivery's lease
     * is counted from one), each with the signature it was built with.
     */
    private CompletableFuture<Outcome> sendEach(Outgoing delivery, InetAddress vetted, JsonNode requests, int next,
            long deadline) {
        if (requests.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(delivery, clock.instant(), 204, null, 0,
                    "nothing to send: no region of this webhook changed", null));
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return CompletableFuture.completedFuture(new Outcome(delivery, clock.instant(), null, null, 0, null,
                    "timed out after " + timeout.toMillis() + " ms, " + next + " of " + requests.size() + " requests sent"));
        }
        JsonNode request = requests.get(next);
        Map<String, String> headers = new LinkedHashMap<>(UkraineAlarmWebhooks.headers(
                request.path("timestamp").asLong(), request.path("signature").asText()));
        headers.put("user-agent", "airalert-webhooks/1");
        byte[] body = request.path("body").asText().getBytes(StandardCharsets.UTF_8);
        return post(delivery, vetted, body, headers, left).thenCompose(outcome ->
                !outcome.succeeded() || next + 1 == requests.size() ? CompletableFuture.completedFuture(outcome)
                        : sendEach(delivery, vetted, requests, next + 1, deadline));
    }

    private CompletableFuture<Outcome> post(Outgoing delivery, InetAddress vetted, byte[] body,
            Map<String, String> headers, long timeoutMillis) {
        long started = System.nanoTime();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(delivery.url())
                .setTimeout(timeoutMillis).setFollowRedirects(false)
                .putHeader("content-type", "application/json");
        headers.forEach(request::putHeader);
        request.setServer(SocketAddress.inetSocketAddress(TargetGuard.server(vetted, request.getPort())));
        client.request(request)
                .compose(r -> {
                    // The timeout above is Vert.x's idle timeout: a receiver trickling a byte a
                    // second would hold the send slot for ever. This one counts from the start.
                    long deadline = vertx.setTimer(timeoutMillis, t -> r.reset(0,
                            new TimeoutException("timed out after " + timeoutMillis + " ms")));
                    outcome.whenComplete((done, failed) -> vertx.cancelTimer(deadline));
                    return r.send(Buffer.buffer(body));
                })
                .onSuccess(response -> {
                    Buffer excerpt = Buffer.buffer();
                    try {
                        response.handler(chunk -> {
                            int room = EXCERPT_BYTES - excerpt.length();
                            if (room > 0) {
                                excerpt.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
                            }
                        });
                        response.endHandler(done -> outcome.complete(answered(delivery, response, started, excerpt)));
                        response.exceptionHandler(e -> outcome.complete(answered(delivery, response, started, excerpt)));
                    } catch (IllegalStateException ended) {
                        // A short response can end before these handlers are set, when the request
                        // was made from another event loop: the answer is known all the same.
                        outcome.complete(answered(delivery, response, started, excerpt));
                    }
                })
                .onFailure(e -> outcome.complete(new Outcome(delivery, clock.instant(), null, null,
                        millisSince(started), null, describe(e))));
        return outcome;
    }

    private Outcome answered(Outgoing delivery, io.vertx.core.http.HttpClientResponse response, long started,
            Buffer excerpt) {
        return new Outcome(delivery, clock.instant(), response.statusCode(), response.getHeader("retry-after"),
                millisSince(started), excerpt.toString(StandardCharsets.UTF_8), null);
    }

    /** Failing before any request: the target became unacceptable. */
    CompletableFuture<Outcome> refuse(Outgoing delivery, String why) {
        return settled(new Outcome(delivery, clock.instant(), null, null, 0, null, "target refused: " + why));
    }

    /** Recorded without a request: the alert expired or was ended first. */
    CompletableFuture<Outcome> notSent(Outgoing delivery, DeliveryStatus why) {
        return settled(Outcome.notSent(delivery, clock.instant(), why));
    }

    /** Not sent yet: its push service asked to be left alone until {@code until}; tried again then. */
    CompletableFuture<Outcome> held(Outgoing delivery, Instant until) {
        Instant now = clock.instant();
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        return settled(new Outcome(delivery, now, null, Long.toString(seconds), 0, null,
                "not sent: the push service asked to wait (Retry-After) until " + until));
    }

    /**
     * An outcome known without a request, completed on the event loop like every other: what
     * follows it (the next ready delivery taking the slot) then runs there, not nested in the
     * caller, however many such deliveries come in a row.
     */
    private CompletableFuture<Outcome> settled(Outcome outcome) {
        CompletableFuture<Outcome> settled = new CompletableFuture<>();
        vertx.runOnContext(v -> settled.complete(outcome));
        return settled;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException
                || String.valueOf(failure.getMessage()).contains("timeout")) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
