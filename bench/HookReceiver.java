import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook receiver the benchmarks post to: a Vert.x server (from the application's own
 * libraries, two instances), so that the receiver is not what limits either side of a
 * comparison. It answers every request 204 and hands each one, with its arrival time and,
 * when asked to check them, whether its Standard Webhooks signature is right, to a
 * {@link Hook}.
 */
final class HookReceiver {

    /** The subscriptions' secret in the benchmarks that write them straight into the database. */
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=";

    /** A request received: its path and body, whether its signature is right, when it came ({@link System#nanoTime}). */
    interface Hook {
        void received(String path, String body, boolean signed, long at);
    }

    final Vertx vertx = Vertx.vertx();
    private final byte[] key;
    private volatile boolean verify;

    HookReceiver(int port, Hook hook) throws Exception {
        this.key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
        CountDownLatch listening = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
                long at = System.nanoTime();
                String text = buffer.toString(StandardCharsets.UTF_8);
                boolean signed = true;
                if (verify) {
                    String id = request.getHeader("webhook-id");
                    String ts = request.getHeader("webhook-timestamp");
                    String sig = request.getHeader("webhook-signature");
                    signed = sig != null && sig.contains(sign(id + "." + ts + "." + text));
                }
                request.response().setStatusCode(204).end();
                hook.received(request.path(), text, signed, at);
            })).listen(port, "127.0.0.1").onComplete(r -> listening.countDown());
        }
        listening.await(10, TimeUnit.SECONDS);
    }

    /** Whether the requests from now on are to be signed (the service's) or not (a baseline's). */
    void verifySignatures(boolean verify) {
        this.verify = verify;
    }

    /** One initialised Mac per event-loop thread: the check should not be what limits the receiver. */
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::newMac);

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String content) {
        return "v1," + Base64.getEncoder().encodeToString(mac.get().doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    void stop() {
        vertx.close();
    }
}
