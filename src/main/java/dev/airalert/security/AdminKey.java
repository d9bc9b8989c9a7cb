package dev.airalert.security;

import dev.airalert.AirAlertConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jboss.logging.Logger;

/**
 * The admin key: from {@code AIRALERT_ADMIN_KEY} when configured; otherwise generated once
 * and kept in the data directory (readable by its owner only), so a fresh install can
 * create its first keys without any set-up. The key itself is never logged: logs are read
 * by more people than should hold it; the log says where the file is.
 */
@Startup
@ApplicationScoped
public class AdminKey {

    private static final Logger LOG = Logger.getLogger(AdminKey.class);

    private final String hash;

    AdminKey(AirAlertConfig config) {
        String key = config.adminKey().filter(k -> !k.isBlank())
                .orElseGet(() -> KeyFiles.storedOrGenerated(config.dataDir().resolve("admin-key"),
                        ApiKeySecrets::generate));
        this.hash = ApiKeySecrets.hash(key);
        if (config.adminKey().filter(k -> !k.isBlank()).isPresent()) {
            LOG.info("Admin API key: taken from AIRALERT_ADMIN_KEY (airalert.admin-key)");
        } else {
            LOG.infof("Admin API key: in %s (readable by this user only; set AIRALERT_ADMIN_KEY to choose your own)",
                    config.dataDir().resolve("admin-key").toAbsolutePath().normalize());
        }
    }

    /** Constant-time, so response timing tells nothing about the key. */
    boolean matches(String secret) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                ApiKeySecrets.hash(secret).getBytes(StandardCharsets.US_ASCII));
    }
}
