package dev.airalert.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver for many deliveries: counts each (subscription URL, webhook-id) pair,
 * so that a pair seen twice is a duplicate, and answers 204, optionally after a delay (a
 * receiver that takes its time makes a fan-out last long enough to crash an instance in it).
 * Vert.x on its own event loops, so that counting is never the bottleneck.
 */
final class CountingReceiver implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final HttpServer server;
    private final Map<String, AtomicInteger> pairs = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong lastAt = new AtomicLong();
    private volatile long delayMillis;

    CountingReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onComplete(body -> {
            String pair = request.path() + " " + request.getHeader("webhook-id");
            pairs.computeIfAbsent(pair, p -> new AtomicInteger()).incrementAndGet();
            requests.incrementAndGet();
            lastAt.set(System.nanoTime());
            if (delayMillis > 0) {
                vertx.setTimer(delayMillis, t -> request.response().setStatusCode(204).end());
            } else {
                request.response().setStatusCode(204).end();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    CountingReceiver delaying(long millis) {
        this.delayMillis = millis;
        return this;
    }

    int port() {
        return server.actualPort();
    }

    /** Subscription URLs are this plus a number. */
    String base() {
        return "http://127.0.0.1:" + server.actualPort() + "/hook/";
    }

    /** Distinct (subscription, event) pairs received. */
    int pairs() {
        return pairs.size();
    }

    long requests() {
        return requests.get();
    }

    /** Requests beyond the first of each pair. */
    long duplicates() {
        return requests.get() - pairs.size();
    }

    /** When the last request came, as System.nanoTime(). */
    long lastAt() {
        return lastAt.get();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
