package dev.airalert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged airalert run the way users run it: {@code java -jar} in its own working
 * directory, on its own port, configured through environment variables. For the tests that
 * need the real artifact rather than the test harness's application.
 */
public final class PackagedApp implements AutoCloseable {

    /** The embedded default: H2 under ./data, no brokers. */
    public static final Path EMBEDDED_JAR = Path.of("target/embedded/quarkus-app/quarkus-run.jar");
    /** The production package: PostgreSQL, brokers as configured. */
    public static final Path PRODUCTION_JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private static final String SHARED_MASTER_KEY = newMasterKey();

    private final List<String> command;
    /** The process's working directory: the new empty work directory, or the project's for the README's command. */
    private final Path directory;
    private final Path workDir;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final int port;
    private Process process;

    private PackagedApp(Path jar, List<String> command, boolean fromProject) throws IOException {
        assertTrue(Files.exists(jar), "the package is built in the package phase: " + jar);
        this.command = command;
        this.workDir = Files.createTempDirectory("airalert-app");
        this.directory = fromProject ? Path.of("").toAbsolutePath() : workDir;
        this.port = MachineCommands.freePort();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    }

    private static PackagedApp javaJar(Path jar, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return new PackagedApp(jar, command, false);
    }

    /**
     * The embedded default, in a new empty directory, with no admin key configured, started
     * with the JVM options the README gives: the Serial collector from a small heap, the quick
     * JIT compiler alone, stopping on a full heap (not the class archive, which serves only a
     * start from the project directory: {@link #asTheReadmeSays()}).
     */
    public static PackagedApp embedded() throws IOException {
        return javaJar(EMBEDDED_JAR, List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError"));
    }

    /**
     * The embedded default started by the README's own command, word for word, from the project
     * directory as the README says, with a new empty data directory ({@code AIRALERT_DATA_DIR},
     * the work directory's {@code data}) and no admin key configured.
     */
    public static PackagedApp asTheReadmeSays() throws IOException {
        PackagedApp app = new PackagedApp(EMBEDDED_JAR, readmeCommand(), true);
        return app.env("AIRALERT_DATA_DIR", app.workDir.resolve("data").toString());
    }

    /** The README's command that runs the embedded package, split into its words. */
    public static List<String> readmeCommand() throws IOException {
        String jar = EMBEDDED_JAR.toString();
        return Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.startsWith("java ") && line.endsWith("-jar " + jar)).findFirst()
                .map(line -> List.of(line.split(" +")))
                .orElseThrow(() -> new AssertionError("the README gives no `java ... -jar " + jar + "` line"));
    }

    /**
     * The production package on this PostgreSQL database, as user postgres without password.
     * Instances of one test run share a master key, as replicas of one deployment must.
     */
    public static PackagedApp production(String jdbcUrl, String adminKey) throws IOException {
        return javaJar(PRODUCTION_JAR, List.of()).env("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl)
                .env("QUARKUS_DATASOURCE_USERNAME", "postgres").env("QUARKUS_DATASOURCE_PASSWORD", "")
                .env("AIRALERT_ADMIN_KEY", adminKey).env("AIRALERT_SECURITY_MASTER_KEY", SHARED_MASTER_KEY);
    }

    /** Sets an environment variable for the next start. */
    public PackagedApp env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts the process (again, after a stop or a kill) and waits until it reports ready. */
    public PackagedApp start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("out.log").toFile()));
        builder.environment().remove("AIRALERT_ADMIN_KEY");
        builder.environment().remove("AIRALERT_SECURITY_MASTER_KEY");
        builder.environment().putAll(environment);
        process = builder.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> !process.isAlive() || given().get(base() + "/q/health/ready").statusCode() == 200);
        if (!process.isAlive()) {
            throw new AssertionError("airalert exited at start:\n" + log());
        }
        return this;
    }

    /** The running process's id. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public Path workDir() {
        return workDir;
    }

    public String log() throws IOException {
        return Files.readString(workDir.resolve("out.log"));
    }

    /** The admin key: the configured one, else the one generated at first start. */
    public String adminKey() throws IOException {
        String configured = environment.get("AIRALERT_ADMIN_KEY");
        return configured != null ? configured : Files.readString(workDir.resolve("data/admin-key")).trim();
    }

    /** A new API key with this role (a publisher may publish as any sender); returns its secret. */
    public String createKey(String name, String role) throws IOException {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("name", name, "holder", name, "roles", List.of(role)));
        if (role.equals("publisher")) {
            request.put("senders", List.of("*"));
        }
        return given().auth().oauth2(adminKey()).contentType(ContentType.JSON).body(request)
                .post(base() + "/api/v1/api-keys").then().statusCode(201).extract().path("secret");
    }

    private static String newMasterKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    /** Stops the process as an operator would (SIGTERM), waiting for it to end. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills the process as a crash would: SIGKILL, no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
