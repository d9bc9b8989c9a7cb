package dev.airalert.web;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real headless Chromium driven over the Chrome DevTools Protocol: the JDK's own HTTP and
 * WebSocket clients, so no driver binary or browser library has to match the browser's
 * version. Enough for end-to-end tests: open a page, evaluate JavaScript in it, take a
 * screenshot, read the errors and warnings its console showed, follow any other DevTools
 * event. The binary is {@code chromium} on the PATH, or {@code AIRALERT_TEST_CHROMIUM}. The
 * benchmarks in bench/ drive the same class (with Awaitility on their class path).
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, JsonNode>> listeners = new CopyOnWriteArrayList<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts a browser with a new empty profile, a window of this size and this language. */
    public static HeadlessChromium start(int width, int height, String language) throws Exception {
        Path profile = Files.createTempDirectory("airalert-chromium");
        String binary = System.getenv().getOrDefault("AIRALERT_TEST_CHROMIUM", "chromium");
        // The background-networking flags keep Chromium from calling home on a closed network.
        Process process = new ProcessBuilder(binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--remote-allow-origins=*", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--lang=" + language, "--accept-lang=" + language, "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            int port = debuggingPort(profile, process);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pageSocket = null;
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText())) {
                    pageSocket = target.path("webSocketDebuggerUrl").asText();
                    break;
                }
            }
            if (pageSocket == null) {
                throw new IllegalStateException("Chromium opened no page: " + targets);
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), listener)
                    .get(10, TimeUnit.SECONDS);
            HeadlessChromium browser = new HeadlessChromium(process, profile, socket);
            listener.browser = browser;
            browser.command("Page.enable", Map.of());
            browser.command("Runtime.enable", Map.of());
            browser.command("Log.enable", Map.of());
            browser.command("Emulation.setLocaleOverride", Map.of("locale", language));
            // Every page records what its Content-Security-Policy refused (injected by DevTools, so not subject to it).
            browser.command("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.__cspViolations = [];"
                    + " document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
                    + "e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '')"
                    + " + ':' + e.lineNumber));"));
            return browser;
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Chromium writes the port it chose to DevToolsActivePort in the profile. */
    private static int debuggingPort(Path profile, Process process) {
        Path file = profile.resolve("DevToolsActivePort");
        return await("Chromium opens its debugging port").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Chromium exited: "
                                + Files.readString(profile.resolve("chromium.log")));
                    }
                    List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
                    return lines.isEmpty() || lines.get(0).isBlank() ? null : Integer.parseInt(lines.get(0).trim());
                }, Objects::nonNull);
    }

    /** Opens the URL (again, if it is open) and waits until the new document has loaded. */
    public void open(String url) throws Exception {
        // Marks the document being left, so that reopening the same URL waits for the new one.
        evaluate("window.__leaving = true");
        command("Page.navigate", Map.of("url", url));
        if (!waitFor("!window.__leaving && document.readyState === 'complete' && location.href === "
                + JSON.writeValueAsString(url), Duration.ofSeconds(60))) {
            throw new IllegalStateException(url + " did not load within a minute");
        }
    }

    /** The value of a JavaScript expression in the page (promises are awaited). */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = command("Runtime.evaluate", Map.of("expression", expression,
                "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Polls a JavaScript condition every 20 ms until it is true; false when the time ran out. */
    public boolean waitFor(String condition, Duration timeout) {
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(() -> evaluate("Boolean(" + condition + ")").asBoolean());
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** What the page's Content-Security-Policy refused since it was opened: one line per violation. */
    public String cspViolations() throws Exception {
        return evaluate("JSON.stringify(window.__cspViolations || ['no recorder'])").asText();
    }

    /**
     * What the console showed as an error or a warning since the browser started, one line
     * each: uncaught exceptions, console.error and console.warn, and the browser's own errors
     * and warnings (a script or module that did not load, a refused request, a deprecation).
     */
    public List<String> consoleErrorsAndWarnings() {
        return List.copyOf(consoleErrors);
    }

    /** A PNG of the whole page, written to this file. */
    public void screenshot(Path file) throws Exception {
        JsonNode shot = command("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** What Chromium printed, for failure messages. */
    public String log() throws IOException {
        return Files.readString(profile.resolve("chromium.log"));
    }

    /** Sends one DevTools command and returns its result. */
    public JsonNode command(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        // Chromium's helpers (renderer, network service, crash handler) outlive a stopped browser
        // process for a moment and keep writing to the profile: stop them all before deleting it.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        for (ProcessHandle helper : helpers) {
            helper.destroyForcibly();
            helper.onExit().get(10, TimeUnit.SECONDS);
        }
        deleteProfile();
    }

    /** Deletes the profile; a file that vanished meanwhile is no failure, so the walk is tried again. */
    private void deleteProfile() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                return;
            } catch (NoSuchFileException | UncheckedIOException e) {
                if (attempt == 3) {
                    throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                }
            }
        }
    }

    /** Calls this with the method and parameters of every DevTools event from now on (Network.* once enabled). */
    public void onEvent(BiConsumer<String, JsonNode> listener) {
        listeners.add(listener);
    }

    /** Keeps the console's errors out of the events the browser sends, and hands every event to the listeners. */
    private void event(String method, JsonNode params) {
        listeners.forEach(l -> l.accept(method, params));
        switch (method) {
            case "Runtime.exceptionThrown" -> {
                JsonNode details = params.path("exceptionDetails");
                consoleErrors.add(details.path("text").asText() + " " + details.path("exception").path("description").asText()
                        + " at " + details.path("url").asText() + ":" + details.path("lineNumber").asInt());
            }
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
                    StringBuilder line = new StringBuilder("console." + type + ":");
                    params.path("args").forEach(a -> line.append(' ').append(a.has("value") ? a.get("value").asText()
                            : a.path("description").asText()));
                    consoleErrors.add(line.toString());
                }
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                String level = entry.path("level").asText();
                if (level.equals("error") || level.equals("warning")) {
                    consoleErrors.add(level + " " + entry.path("source").asText() + ": " + entry.path("text").asText()
                            + " " + entry.path("url").asText());
                }
            }
            default -> {
                // other events are not needed
            }
        }
    }

    /** Collects message fragments; replies complete their command, events go to {@link #event}. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile HeadlessChromium browser;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id") && browser != null) {
                        CompletableFuture<JsonNode> answer = browser.pending.remove(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } else if (message.has("method") && browser != null) {
                        browser.event(message.get("method").asText(), message.path("params"));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("Chromium sent a message that is not JSON", e);
                } finally {
                    text.setLength(0);
                }
            }
            socket.request(1);
            return null;
        }
    }
}
