package dev.airalert.security;

import dev.airalert.AirAlertConfig;
import dev.airalert.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The key that encrypts every secret the service stores (AES-256). From
 * {@code AIRALERT_SECURITY_MASTER_KEY} (base64 of 32 bytes) when set; otherwise generated once
 * into {@code master-key} in the data directory, never logged. Former keys
 * ({@code airalert.security.previous-master-keys}) still decrypt, so a key can be rotated:
 * every value is re-encrypted with the current key at start. Each key is known by an id,
 * the start of its SHA-256, which every sealed value carries.
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class);

    private final String currentId;
    private final Map<String, SecretKey> byId = new LinkedHashMap<>();

    MasterKey(AirAlertConfig config) {
        String current = config.security().masterKey().filter(k -> !k.isBlank()).orElseGet(() -> {
            var file = config.dataDir().resolve("master-key");
            LOG.infof("Master key: in %s (readable by this user only; set AIRALERT_SECURITY_MASTER_KEY to give"
                    + " your own, and keep a copy apart from database backups)", file.toAbsolutePath().normalize());
            return KeyFiles.storedOrGenerated(file, MasterKey::generate);
        });
        this.currentId = add(current, "airalert.security.master-key");
        config.security().previousMasterKeys().orElse(java.util.List.of())
                .forEach(k -> add(k, "airalert.security.previous-master-keys"));
    }

    private String add(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (256 bits) in base64, not " + bytes.length);
        }
        String id = Sha256.hex(bytes).substring(0, 8);
        byId.putIfAbsent(id, new SecretKeySpec(bytes, "AES"));
        return id;
    }

    /** A new master key, base64: what to put in AIRALERT_SECURITY_MASTER_KEY. */
    static String generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return byId.get(currentId);
    }

    /** The key with this id, if it is the current or a former one. */
    SecretKey byId(String id) {
        return byId.get(id);
    }
}
