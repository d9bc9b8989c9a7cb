package dev.airalert.feed;

import com.sun.net.httpserver.HttpExchange;
import dev.airalert.TestAlerts;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CAP publisher's web server for tests: an Atom index at {@code /index.atom} that the test
 * grows, changes or makes fail, with an ETag and Last-Modified that change with it (and a 304 for
 * a request that names the current ones), and CAP messages at {@code /cap/<name>.xml}. It counts
 * every request by path.
 */
public final class FeedServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, byte[]> messages = new ConcurrentHashMap<>();
    /** Entries of the index, newest first, as Atom entry markup. */
    private final List<String> entries = new ArrayList<>();
    private volatile int version;
    private volatile int failWith;
    private final java.util.Set<String> withheld = ConcurrentHashMap.newKeySet();
    private final AtomicInteger notModified = new AtomicInteger();

    public FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    /** An air-raid alert on Kyiv in the namespace of a CAP version, valid for two hours. */
    public static byte[] kyivAlert(String namespace, String sender, String identifier) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="%s"><identifier>%s</identifier><sender>%s</sender><sent>%s</sent>
                <status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><category>Security</category>
                <event>air raid</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
                <expires>%s</expires><area><areaDesc>Kyiv</areaDesc><geocode><valueName>ISO 3166-2</valueName>
                <value>UA-30</value></geocode></area></info></alert>
                """.formatted(namespace, identifier, sender, TestAlerts.now(), TestAlerts.inTwoHours())
                .getBytes(StandardCharsets.UTF_8);
    }

    public String indexUrl() {
        return base() + "/index.atom";
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves a CAP message at /cap/{name}.xml and lists it first in the index. */
    public synchronized FeedServer publish(String name, byte[] cap) {
        messages.put("/cap/" + name + ".xml", cap);
        entries.add(0, "<entry><id>urn:test:" + name + "</id><title>" + name + "</title><updated>2026-12-01T00:00:00Z"
                + "</updated><link rel=\"alternate\" type=\"text/html\" href=\"/page/" + name + "\"/>"
                + "<link rel=\"related\" type=\"application/cap+xml\" href=\"/cap/" + name + ".xml\"/></entry>");
        version++;
        return this;
    }

    /** Adds an entry of other markup (one without a link, say) first in the index. */
    public synchronized FeedServer entry(String markup) {
        entries.add(0, markup);
        version++;
        return this;
    }

    /** Drops the entries whose markup contains this text (a feed that lists only what is current). */
    public synchronized FeedServer drop(String text) {
        entries.removeIf(e -> e.contains(text));
        version++;
        return this;
    }

    /** From now on the index answers with this status (0: serves it again). */
    public FeedServer failing(int status) {
        failWith = status;
        return this;
    }

    /** The message at this path answers 503 until released. */
    public FeedServer withhold(String path) {
        withheld.add(path);
        return this;
    }

    public FeedServer release(String path) {
        withheld.remove(path);
        return this;
    }

    public int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    public int indexRequests() {
        return requests("/index.atom");
    }

    public int notModified() {
        return notModified.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (path.equals("/index.atom")) {
                index(exchange);
                return;
            }
            byte[] cap = messages.get(path);
            if (withheld.contains(path)) {
                send(exchange, 503, "text/plain", "later".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (cap == null) {
                send(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, "application/cap+xml", cap);
        }
    }

    private void index(HttpExchange exchange) throws IOException {
        if (failWith != 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, failWith, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String body;
        String etag;
        synchronized (this) {
            etag = "\"v" + version + "\"";
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                    + "<id>urn:test:feed</id><title>Test CAP feed</title><updated>2026-12-01T00:00:00Z</updated>"
                    + String.join("", entries) + "</feed>";
        }
        String lastModified = "Tue, 01 Dec 2026 00:00:" + String.format("%02d", version % 60) + " GMT";
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Last-Modified", lastModified);
        send(exchange, 200, "application/atom+xml", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** The paths requested so far and how often. */
    public Map<String, Integer> requestCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        requests.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
