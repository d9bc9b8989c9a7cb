package dev.airalert.cap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared CAP test corpus and its SOURCES.tsv. Found through the {@code cap.corpus}
 * system property or, by default, {@code ../shared/cap-corpus} from the working
 * directory, because the project is cloned beside a copy of shared/ rather than at a
 * fixed place.
 */
public final class CapCorpus {

    /** One SOURCES.tsv row; {@code expected} is e.g. "valid", "invalid", "valid(CAP1.1)", "schema". */
    public record Entry(String localPath, String expected, String note) {
        @Override
        public String toString() {
            return localPath;
        }
    }

    /**
     * Valid CAP that this service refuses on purpose, with the field it names: the NAADS
     * signature of canada_signed.cap carries an {@code <Object xmlns="">} of markup that is
     * not XML Signature, content that would travel with the alert unsigned and unseen.
     */
    public static final Map<String, String> REFUSED_BY_POLICY = Map.of("canada_signed.cap", "Signature");

    private CapCorpus() {
    }

    /** The file name of a row, without its folder. */
    public static String fileName(Entry entry) {
        return entry.localPath().replaceAll(".*/", "");
    }

    /** Valid rows this service accepts as they are. */
    public static Stream<Entry> acceptedValid() {
        return withExpected("valid").filter(e -> !REFUSED_BY_POLICY.containsKey(fileName(e)));
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("cap.corpus", "../shared/cap-corpus"));
        if (!Files.isRegularFile(root.resolve("SOURCES.tsv"))) {
            throw new IllegalStateException("CAP corpus not found at " + root.toAbsolutePath()
                    + "; set -Dcap.corpus=<dir holding SOURCES.tsv>");
        }
        return root;
    }

    public static List<Entry> entries() {
        try (Stream<String> lines = Files.lines(root().resolve("SOURCES.tsv"))) {
            return lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                    .map(c -> new Entry(c[0], c[5], c[6])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Stream<Entry> withExpected(String... expected) {
        List<String> wanted = List.of(expected);
        return entries().stream().filter(e -> wanted.contains(e.expected()));
    }

    public static Entry entry(String fileName) {
        return entries().stream().filter(e -> e.localPath().endsWith("/" + fileName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no corpus row for " + fileName));
    }

    public static byte[] bytes(Entry entry) {
        try {
            return Files.readAllBytes(root().resolve(entry.localPath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String fileName) {
        return bytes(entry(fileName));
    }
}
