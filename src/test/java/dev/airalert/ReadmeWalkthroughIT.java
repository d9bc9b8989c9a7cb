package dev.airalert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's commands, run as written against the packaged embedded default started by the
 * README's own command from the project directory (a new empty data directory): the start uses
 * the class archive the package was built with, and the walk-through (its shell block, word for
 * word, only the port changed) works on any day: the notice is active, a repeat is a 200, status
 * says active, and the all-clear cancels it.
 */
class ReadmeWalkthroughIT {

    @Test
    void theWalkthroughWorksAsWritten() throws Exception {
        String script = walkthrough();
        try (PackagedApp app = PackagedApp.asTheReadmeSays().start()) {
            Process bash = new ProcessBuilder("bash", "-c", script.replace("localhost:8080", "localhost:" + app.port()))
                    .directory(app.workDir().toFile()).redirectErrorStream(true).start();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the walk-through did not end:\n" + out);
            assertEquals(0, bash.exitValue(), out);
            List<String> lines = out.lines().toList();
            assertTrue(lines.get(0).startsWith("{\"id\":") && lines.get(0).contains("\"state\":\"active\"")
                    && lines.get(0).contains("\"regions\":[\"UA-30\"]"), "step 2, the notice:\n" + out);
            assertEquals("200", lines.get(1), "step 2, the repeat:\n" + out);
            assertTrue(lines.get(2).contains("Schwerer Luftangriff") && !lines.get(2).contains("Significant air"),
                    "step 3, German only:\n" + out);
            assertTrue(out.contains("<headline>Significant air attack expected on Kyiv today</headline>"),
                    "step 3, the original XML:\n" + out);
            assertTrue(out.contains("\"UA-30\":{\"state\":\"active\""), "step 3, status:\n" + out);
            assertEquals("\"state\":\"cancelled\"", lines.get(lines.size() - 1), "step 4, the all-clear:\n" + out);
        }
    }

    /**
     * The README's command maps the class archive that `./mvnw package` made (a JVM that cannot use
     * it says so and starts without), and the database goes where the data directory is.
     */
    @Test
    void theReadmeCommandStartsFromTheClassArchive() throws Exception {
        assertTrue(Files.size(Path.of("target/embedded/quarkus-app/app-cds.jsa")) > 0, "the package has its archive");
        assertTrue(PackagedApp.readmeCommand().contains("-XX:SharedArchiveFile=target/embedded/quarkus-app/app-cds.jsa"),
                "the README's command names the archive");
        try (PackagedApp app = PackagedApp.asTheReadmeSays().start()) {
            String maps = Files.readString(Path.of("/proc", Long.toString(app.pid()), "maps"));
            assertTrue(maps.contains("app-cds.jsa"), "the archive is mapped");
            assertFalse(app.log().contains("[cds"), "the JVM had nothing to say about the archive:\n" + app.log());
            assertTrue(Files.exists(app.workDir().resolve("data/airalert.mv.db")), "the database is in the data directory");
        }
    }

    /** The shell block under the walk-through's heading. */
    private static String walkthrough() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Walk-through");
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        return readme.substring(start, readme.indexOf("\n```", start));
    }
}
