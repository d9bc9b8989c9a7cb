package dev.airalert.compat;

import dev.airalert.security.StoredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The RSA key that signs ukrainealarm-style webhooks, as ukrainealarm signs them: RSA-SHA256
 * (PKCS#1 v1.5) over {@code "{timestamp}.{body}"}. Made once (2048 bits) and kept sealed with
 * the master key among the service's secrets, so every replica signs with the same key; its
 * public half is served as PEM for receivers to verify with.
 */
@ApplicationScoped
public class WebhookKeys {

    static final String SECRET = "ukrainealarm-webhook-rsa";

    private final StoredSecrets secrets;
    private volatile PrivateKey privateKey;
    private volatile PublicKey publicKey;

    WebhookKeys(StoredSecrets secrets) {
        this.secrets = secrets;
    }

    /** Base64 of the signature of {@code "{timestamp}.{body}"}. */
    public String sign(long timestamp, byte[] body) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JVM", e);
        }
    }

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    public String publicPem() {
        privateKey();
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private PrivateKey privateKey() {
        PrivateKey key = privateKey;
        if (key == null) {
            synchronized (this) {
                if (privateKey == null) {
                    load();
                }
                key = privateKey;
            }
        }
        return key;
    }

    private void load() {
        String encoded = secrets.getOrCreate(SECRET, WebhookKeys::generate);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey loaded = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) loaded;
            BigInteger exponent = crt.getPublicExponent();
            publicKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), exponent));
            privateKey = loaded;
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("The stored webhook signing key is not an RSA private key", e);
        }
    }

    private static String generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JVM", e);
        }
    }
}
