package dev.airalert.delivery;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.event.EventBody;
import dev.airalert.outbound.TargetGuard;
import dev.airalert.region.Gazetteer;
import dev.airalert.outbox.Backoff;
import dev.airalert.outbox.SendSlots;
import dev.airalert.subscription.WebhookFormat;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the webhook send path a few thousand times at start, in the background, so that the
 * first alert after a start finds it compiled: cold, the first fan-out to 10,000 subscribers
 * took twice as long as the next ones, the JIT compilers busy with the HTTP client, the
 * signing and the outcome code while the requests waited. The requests are the real ones (a
 * body, its Standard Webhooks signature, the pooled client, the outcome's decision), sent to a
 * server of its own on 127.0.0.1 on a port the system picks, which answers each with 204:
 * nothing leaves the process and nothing is written (no event, delivery or broker message).
 * The service is ready meanwhile; once real deliveries are in flight, it sends no more.
 */
@ApplicationScoped
class WebhookWarmUp {

    private static final Logger LOG = Logger.getLogger(WebhookWarmUp.class);
    private static final Duration AT_MOST = Duration.ofSeconds(8);
    /** A stand-in alert, about the size of a real one: the body is built from it as from a stored event. */
    private static final String PAYLOAD = """
            {"identifier":"warm-up","sender":"airalert","sent":"2024-01-01T00:00:00Z","status":"Actual",\
            "msgType":"Alert","scope":"Public","info":[{"language":"uk-UA","category":["Safety"],\
            "event":"Повітряна тривога","urgency":"Immediate","severity":"Extreme","certainty":"Observed",\
            "headline":"Повітряна тривога","description":"Прямуйте до найближчого укриття.",\
            "area":[{"areaDesc":"м. Київ","geocode":[{"valueName":"ISO3166-2","value":"UA-30"}]}]},\
            {"language":"en-US","category":["Safety"],"event":"Air raid alert","urgency":"Immediate",\
            "severity":"Extreme","certainty":"Observed","headline":"Air raid alert",\
            "description":"Go to the nearest shelter.","area":[{"areaDesc":"Kyiv City"}]}],\
            "regions":["UA-30"]}""";

    private final Vertx vertx;
    private final WebhookClient client;
    private final TargetGuard guard;
    private final SendSlots<UUID> slots;
    private final AirAlertConfig.Webhooks config;
    private final Backoff backoff;
    private final Gazetteer gazetteer;
    private final Clock clock = Clocks.UTC;

    WebhookWarmUp(Vertx vertx, WebhookClient client, TargetGuard guard, Requests requests, AirAlertConfig config,
            Gazetteer gazetteer) {
        this.vertx = vertx;
        this.gazetteer = gazetteer;
        this.client = client;
        this.guard = guard;
        this.slots = requests.slots();
        this.config = config.webhooks();
        this.backoff = new Backoff(this.config.retrySchedule(), this.config.maxRetryAfter(), 0.2);
    }

    /**
     * Begins once the regions are loaded, which is when the service reports ready: begun at the
     * start, it would take the processors from the start's own work, and no alert can be placed,
     * so none delivered, before then.
     */
    void warm(@Observes StartupEvent event) {
        if (!config.enabled() || config.warmUpRequests() <= 0) {
            return;
        }
        Thread thread = new Thread(this::run, "airalert-webhook-warm-up");
        thread.setDaemon(true);
        gazetteer.whenLoaded(thread::start);
    }

    private void run() {
        long started = System.nanoTime();
        HttpServer server = vertx.createHttpServer()
                .requestHandler(request -> request.body().onComplete(body -> request.response().setStatusCode(204).end()));
        try {
            int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(AT_MOST.toSeconds(), TimeUnit.SECONDS).actualPort();
            int sent = send(port, started + AT_MOST.toNanos());
            LOG.infof("Webhook send path warmed: %d requests to a loopback server of its own in %d ms", sent,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            LOG.debugf("Warming the webhook path failed (%s); the first deliveries will be slower", e.getMessage());
        } finally {
            server.close();
        }
    }

    /** Sends the requests, as many at once as deliveries may be in flight; returns how many were sent. */
    private int send(int port, long deadline) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> secrets = List.of("whsec_" + Base64.getEncoder().encodeToString(key));
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        // One path for all: the client's metrics are tagged by it, and a path per request would
        // fill their table of paths with warm-up requests.
        String url = "http://127.0.0.1:" + port + "/warm-up";
        int inFlight = Math.max(1, config.maxInFlight());
        Semaphore warming = new Semaphore(inFlight);
        Instant now = clock.instant();
        Handoff handoff = new Handoff(null, now);
        byte[] body = EventBody.of("alert.published", "warm-up", now, PAYLOAD, List.of())
                .getBytes(StandardCharsets.UTF_8);
        int requests = config.warmUpRequests();
        int sent = 0;
        // A real alert needs the event loops and the processors more: its publish, or any real
        // delivery in flight, stops the warm-up.
        for (; sent < requests && System.nanoTime() < deadline && slots.inFlight() == 0 && !gazetteer.atWork();
                sent++) {
            if (!warming.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            Outgoing delivery = new Outgoing(DeliveryIds.next(), UUID.randomUUID(), url, secrets, List.of(), 0,
                    0, "warm-up", "warm-up", "alert.published", now, now.plus(config.requestTimeout()), handoff,
                    WebhookFormat.STANDARD, null, null, false, null);
            // What the dispatcher asks of every delivery before it sends one.
            delivery.stale(clock.instant());
            delivery.slotKey();
            guard.cleared(delivery.url());
            client.send(delivery, loopback, body, secrets).whenComplete((outcome, failed) -> {
                if (outcome != null) {
                    OutcomeDecision.decide(outcome, 1, backoff, clock.instant());
                }
                warming.release();
            });
        }
        // The last ones answered before the server closes.
        warming.tryAcquire(inFlight, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return sent;
    }
}
