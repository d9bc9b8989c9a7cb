package dev.airalert.security;

import dev.airalert.AirAlertConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import org.jboss.logging.Logger;

/**
 * The admin key: from {@code AIRALERT_ADMIN_KEY} when configured; otherwise generated once,
 * kept in the data directory (readable by its owner only) and printed at start, so a
 * fresh install can create its first keys without any set-up.
 */
@Startup
@ApplicationScoped
public class AdminKey {

    private static final Logger LOG = Logger.getLogger(AdminKey.class);

    private final String hash;

    AdminKey(AirAlertConfig config) {
        String key = config.adminKey().filter(k -> !k.isBlank())
                .orElseGet(() -> storedOrGenerated(config.dataDir().resolve("admin-key")));
        this.hash = ApiKeySecrets.hash(key);
        if (config.adminKey().isPresent()) {
            LOG.info("Admin API key: taken from AIRALERT_ADMIN_KEY (airalert.admin-key)");
        } else {
            LOG.infof("Admin API key: %s (stored in %s; set AIRALERT_ADMIN_KEY to choose your own)",
                    key, config.dataDir().resolve("admin-key").toAbsolutePath());
        }
    }

    /** Constant-time, so response timing tells nothing about the key. */
    boolean matches(String secret) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                ApiKeySecrets.hash(secret).getBytes(StandardCharsets.US_ASCII));
    }

    private static String storedOrGenerated(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            String key = ApiKeySecrets.generate();
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } else {
                LOG.warnf("Cannot restrict permissions of %s on this file system", file);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the admin key file " + file, e);
        }
    }
}
