package dev.airalert.delivery;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A push message encrypted for one browser (RFC 8291 over RFC 8188's {@code aes128gcm}): a fresh
 * P-256 key pair per message, ECDH with the browser's key, the keys derived with HKDF-SHA-256
 * mixing in its authentication secret, one AES-128-GCM record. The same steps as the webpush
 * library's, with the key pair and agreement from BouncyCastle (asked for by name, not installed
 * for the JVM): the JDK's provider spends three times the CPU there, most of a fan-out's
 * (docs/performance.md#web-push). The result is checked by an independent decryptor in the
 * tests (npm's http_ece). Public for the benchmark's baseline, which encrypts with the same code.
 */
public final class Aes128Gcm {

    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One record holds the whole message: the push services' 4,096 bytes. */
    private static final int RECORD_SIZE = 4096;
    private static final byte[] WEB_PUSH_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private Aes128Gcm() {
    }

    /** The body to post: header (salt, record size, our public key) and the one encrypted record. */
    public static byte[] encrypt(byte[] plaintext, byte[] browserKey, byte[] authSecret) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        KeyPair ours = generator.generateKeyPair();
        ECPublicKey ourPublic = (ECPublicKey) ours.getPublic();
        ECPublicKey theirs = publicKey(browserKey, ourPublic);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", BC);
        agreement.init(ours.getPrivate());
        agreement.doPhase(theirs, true);
        byte[] shared = agreement.generateSecret();
        byte[] ourKey = uncompressed(ourPublic);

        // RFC 8291 section 3.3: the input keying material binds both public keys and the auth secret.
        byte[] ikm = hkdf(authSecret, shared, concat(WEB_PUSH_INFO, browserKey, ourKey), 32);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] cek = hkdf(salt, ikm, KEY_INFO, 16);
        byte[] nonce = hkdf(salt, ikm, NONCE_INFO, 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        // The last (and only) record ends with the delimiter 2 and no padding.
        byte[] record = aes.doFinal(concat(plaintext, new byte[] {2}));
        if (record.length > RECORD_SIZE) {
            throw new GeneralSecurityException("a push message holds " + (RECORD_SIZE - 17) + " bytes at most");
        }
        return ByteBuffer.allocate(16 + 4 + 1 + ourKey.length + record.length).put(salt).putInt(RECORD_SIZE)
                .put((byte) ourKey.length).put(ourKey).put(record).array();
    }

    /** HKDF-SHA-256 (RFC 5869) for one block of output, which is all aes128gcm needs. */
    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static ECPublicKey publicKey(byte[] point, ECPublicKey onCurve) throws GeneralSecurityException {
        if (point.length != 65 || point[0] != 4) {
            throw new GeneralSecurityException("the browser's key is not an uncompressed P-256 point");
        }
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC", BC).generatePublic(new ECPublicKeySpec(w, onCurve.getParams()));
    }

    /** A P-256 public key as browsers and RFC 8291 write it: 4, then x and y in 32 bytes each. */
    static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX(), point, 1);
        copy(key.getW().getAffineY(), point, 33);
        return point;
    }

    /** A coordinate as 32 big-endian bytes, however many BigInteger gives. */
    private static void copy(BigInteger coordinate, byte[] into, int at) {
        byte[] bytes = coordinate.toByteArray();
        int from = Math.max(0, bytes.length - 32);
        int length = bytes.length - from;
        System.arraycopy(bytes, from, into, at + 32 - length, length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
