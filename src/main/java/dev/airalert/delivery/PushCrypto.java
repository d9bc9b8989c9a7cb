package dev.airalert.delivery;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Encrypts push messages, one browser at a time (RFC 8291 gives each message its own ECDH key
 * pair and agreement: about a millisecond of CPU with the JDK's provider, the bulk of a push),
 * on as many threads as there are processors: a fan-out to 10,000 browsers is seconds of CPU,
 * which neither the event loop nor the one dispatch thread may spend. A task that fails fails its
 * own delivery only; the threads go on.
 */
@ApplicationScoped
class PushCrypto {

    private final ExecutorService threads;

    PushCrypto() {
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

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
