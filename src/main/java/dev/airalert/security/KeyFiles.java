package dev.airalert.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keys the service generates for itself into its data directory (the admin key, the master
 * key): written readable by the service's user only, and published under their name in
 * one step (a hard link), so that replicas starting together on a shared directory all end
 * up with the one that got there first, never with a half-written file.
 */
final class KeyFiles {

    private static final Logger LOG = Logger.getLogger(KeyFiles.class);

    private KeyFiles() {
    }

    static String storedOrGenerated(Path file, Supplier<String> generator) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            Path temp = posix
                    ? Files.createTempFile(dir, ".key-", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".key-", ".tmp");
            if (!posix) {
                LOG.warnf("Cannot restrict permissions of %s on this file system", file);
            }
            try {
                Files.writeString(temp, generator.get() + "\n", StandardCharsets.UTF_8);
                try {
                    Files.createLink(file, temp);
                } catch (UnsupportedOperationException e) {
                    // No hard links on this file system: a plain move, which (without REPLACE_EXISTING)
                    // also fails when another replica's key got there first, as the link would.
                    Files.move(temp, file);
                }
            } catch (FileAlreadyExistsException e) {
                // Another replica was first: its key is the key.
            } finally {
                Files.deleteIfExists(temp);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }
}
