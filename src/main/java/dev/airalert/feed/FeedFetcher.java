package dev.airalert.feed;

import dev.airalert.AirAlertConfig;
import dev.airalert.outbound.TargetGuard;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GETs feeds and the messages they link, under the rules webhook targets follow: the URL must
 * pass the {@link TargetGuard} (http(s), no credentials, a public address unless allowlisted),
 * and the request goes to the address the guard vetted, never to a second lookup of the name.
 * Redirects are followed up to three times, each target vetted again. A body is read up to a
 * limit and no further, and the whole exchange has a deadline: a server trickling bytes cannot
 * hold the poller.
 */
@ApplicationScoped
class FeedFetcher {

    private static final int MAX_REDIRECTS = 3;
    static final String USER_AGENT = "airalert-feeds/1";

    /**
     * What a GET gave: the status and, for a 200, the body and the validators to send next time;
     * for a redirect, where to ({@code location}).
     */
    record Fetched(int status, byte[] body, String etag, String lastModified, String contentType, String retryAfter,
            String location, String url) {

        boolean redirected() {
            return status / 100 == 3 && status != 304 && location != null;
        }
    }

    /** The request could not be made or answered (refused URL, network, timeout, too large). */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private final Vertx vertx;
    /**
     * Every request is made on this one event-loop context: the connection and the response's
     * callbacks then share a thread, so the body handlers are in place before the first byte
     * (made from another thread, a short response can end before they are set).
     */
    private final Context context;
    private final HttpClient client;
    private final TargetGuard guard;
    private final Duration timeout;

    FeedFetcher(Vertx vertx, TargetGuard guard, AirAlertConfig config) {
        this.vertx = vertx;
        this.guard = guard;
        this.timeout = config.feeds().requestTimeout();
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true)
                .setTryUseCompression(true), new PoolOptions().setHttp1MaxSize(4));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * GETs the URL, conditionally when validators are given.
     *
     * @param maxBytes the largest body read; a larger one fails
     */
    Fetched get(String url, String etag, String lastModified, String accept, long maxBytes) throws Failed {
        // One deadline for the whole exchange, redirects included.
        long deadline = System.nanoTime() + timeout.toNanos();
        String target = url;
        for (int hop = 0; ; hop++) {
            TargetGuard.Verdict verdict = guard.verdict(target);
            if (!verdict.allowed()) {
                throw new Failed("URL " + target + " " + verdict.refusal());
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new Failed(url + ": timed out after " + timeout.toMillis() + " ms");
            }
            Fetched fetched = once(target, verdict.address(), etag, lastModified, accept, maxBytes, left);
            if (!fetched.redirected()) {
                return fetched;
            }
            String location = fetched.location();
            if (hop == MAX_REDIRECTS) {
                throw new Failed("more than " + MAX_REDIRECTS + " redirects from " + url);
            }
            try {
                target = new URI(target).resolve(location.trim()).toString();
            } catch (IllegalArgumentException | java.net.URISyntaxException e) {
                throw new Failed("redirected to '" + location + "', which is not a URL");
            }
        }
    }

    /** One request, redirects not followed. */
    private Fetched once(String url, InetAddress vetted, String etag, String lastModified, String accept,
            long maxBytes, long timeoutMillis) throws Failed {
        CompletableFuture<Fetched> result = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                .setTimeout(timeoutMillis).setFollowRedirects(false)
                .putHeader("user-agent", USER_AGENT).putHeader("accept", accept);
        if (etag != null) {
            request.putHeader("if-none-match", etag);
        }
        if (lastModified != null) {
            request.putHeader("if-modified-since", lastModified);
        }
        request.setServer(SocketAddress.inetSocketAddress(TargetGuard.server(vetted, request.getPort())));
        // Vert.x's own timeout only counts idle time: this one counts from the start and closes the
        // connection, so a server trickling bytes holds neither the poller nor a socket.
        long deadline = vertx.setTimer(timeoutMillis, t -> {
            result.completeExceptionally(new TimeoutException("timed out after " + timeoutMillis + " ms"));
            HttpClientRequest r = sent.get();
            if (r != null) {
                r.reset(0, new TimeoutException("timed out"));
            }
        });
        context.runOnContext(v -> client.request(request).compose(r -> {
                    sent.set(r);
                    return r.send();
                })
                .onSuccess(response -> read(response, url, maxBytes, result))
                .onFailure(result::completeExceptionally));
        try {
            return result.get(timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new Failed(url + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()));
        } catch (TimeoutException e) {
            HttpClientRequest r = sent.get();
            if (r != null) {
                context.runOnContext(v -> r.reset(0, new TimeoutException("timed out")));
            }
            throw new Failed(url + ": timed out after " + timeoutMillis + " ms");
        } finally {
            vertx.cancelTimer(deadline);
        }
    }

    private static void read(HttpClientResponse response, String url, long maxBytes, CompletableFuture<Fetched> result) {
        try {
            take(response, url, maxBytes, result);
        } catch (IllegalStateException ended) {
            // Should the response still end before its handlers are set, the poll fails and is tried again.
            result.completeExceptionally(new Failed("the answer ended before it could be read"));
        }
    }

    private static void take(HttpClientResponse response, String url, long maxBytes, CompletableFuture<Fetched> result) {
        int status = response.statusCode();
        if (status != 200) {
            // Nothing of another answer's body is needed: a short one is let through (the connection
            // stays usable), a long one cut off.
            result.complete(new Fetched(status, null, null, null, response.getHeader("content-type"),
                    response.getHeader("retry-after"), response.getHeader("location"), url));
            long[] skipped = {0};
            response.exceptionHandler(ignored -> { });
            response.handler(chunk -> {
                skipped[0] += chunk.length();
                if (skipped[0] > 64 * 1024) {
                    response.request().reset();
                }
            });
            return;
        }
        String length = response.getHeader("content-length");
        // A body cut off is no news to log: the failure says what happened.
        response.exceptionHandler(e -> result.completeExceptionally(e));
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
            result.completeExceptionally(new Failed("the body of " + length + " bytes is over the limit of " + maxBytes));
            response.request().reset();
            return;
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > maxBytes) {
                result.completeExceptionally(new Failed("the body is over the limit of " + maxBytes + " bytes"));
                response.request().reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        response.endHandler(done -> result.complete(new Fetched(200, body.getBytes(), response.getHeader("etag"),
                response.getHeader("last-modified"), response.getHeader("content-type"), null, null, url)));
    }
}
