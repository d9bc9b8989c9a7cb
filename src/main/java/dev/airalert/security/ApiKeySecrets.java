package dev.airalert.security;

import dev.airalert.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Making and hashing key secrets. Secrets are 256 random bits, so a plain SHA-256 is the
 * right hash: there is nothing to brute-force that a slow hash would protect, and every
 * request can be checked with one indexed lookup.
 */
final class ApiKeySecrets {

    /** Recognisable in logs and secret scanners, like {@code ghp_} or {@code sk_}. */
    static final String PREFIX = "aak_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return Sha256.hex(secret);
    }

    /** The first characters, shown in listings so owners can tell keys apart. */
    static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 6));
    }
}
