package dev.airalert.delivery;

import dev.airalert.region.Gazetteer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Encrypts push messages, one browser at a time (RFC 8291 gives each message its own ECDH key
 * pair and agreement: about a millisecond of CPU with the JDK's provider, the bulk of a push),
 * on as many threads as there are processors: a fan-out to 10,000 browsers is seconds of CPU,
 * which neither the event loop nor the one dispatch thread may spend. A task that fails fails its
 * own delivery only; the threads go on.
 */
@ApplicationScoped
class PushCrypto {

    private static final Logger LOG = Logger.getLogger(PushCrypto.class);
    private static final int WARM_MESSAGES = 500;
    private static final Duration WARM_AT_MOST = Duration.ofSeconds(10);

    private final ExecutorService threads;
    private final Gazetteer gazetteer;

    PushCrypto(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "airalert-push-crypto-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The aes128gcm body for the browser with these keys (base64url p256dh and auth). */
    CompletableFuture<byte[]> encrypt(byte[] plaintext, String p256dh, String auth) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Aes128Gcm.encrypt(plaintext, decoded(p256dh), decoded(auth));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, threads);
    }

    private static byte[] decoded(String value) {
        return Base64.getUrlDecoder().decode(value.replace("=", ""));
    }

    /**
     * Encrypts a few hundred messages for a key of its own at start, on one of its threads, so
     * that the first alert after a quiet start finds the elliptic-curve code compiled: cold, a
     * first fan-out to 10,000 browsers took twice the CPU of the next ones. Nothing leaves the
     * process; the other threads take pushes meanwhile. It begins once the regions are loaded,
     * which is when the service reports ready: begun at the start, it took the two cores, and the
     * compilers, from the start's own work, and no alert can be placed, so none pushed, before
     * then. It stops when a publisher's first alert comes in, as every warm-up does.
     */
    void warm(@Observes StartupEvent event) {
        gazetteer.whenLoaded(() -> threads.execute(() -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                byte[] point = Aes128Gcm.uncompressed((ECPublicKey) generator.generateKeyPair().getPublic());
                byte[] plaintext = new byte[400];
                long until = System.nanoTime() + WARM_AT_MOST.toNanos();
                // A real alert stops it: it would be compiling beside that alert's own fan-out.
                for (int i = 0; i < WARM_MESSAGES && System.nanoTime() < until && !gazetteer.atWork(); i++) {
                    Aes128Gcm.encrypt(plaintext, point, new byte[16]);
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                LOG.debugf("Warming the push encryption failed (%s); the first pushes will be slower", e.getMessage());
            }
        }));
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
