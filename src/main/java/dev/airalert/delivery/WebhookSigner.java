package dev.airalert.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with
 * the key that follows {@code whsec_}. Several secrets give several space-separated
 * signatures; receivers accept any, which is how rotation works without downtime.
 */
final class WebhookSigner {

    private static final String PREFIX = "whsec_";
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    });

    private WebhookSigner() {
    }

    static String signature(List<String> secrets, String id, long timestamp, String body) {
        return signature(secrets, id, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as the bytes sent: a fan-out signs the same bytes thousands of times. */
    static String signature(List<String> secrets, String id, long timestamp, byte[] body) {
        return secrets.stream().map(s -> sign(s, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    static String sign(String secret, String id, long timestamp, String body) {
        return sign(secret, id, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String secret, String id, long timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal(body);
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 takes any non-empty key", e);
        }
    }
}
