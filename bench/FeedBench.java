import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CAP corpus through a feed, next to the same messages published directly, in one run on one
 * service. Each round makes C copies of every accepted corpus message (CAP 1.2, 1.1 and 1.0; a copy
 * differs only in its identifier) and takes them in twice: published one at a time over HTTP, as
 * a single feed's poller takes them, and listed in an Atom index on a local HTTP server that a
 * feed of the service polls, from the feed's creation until its status counts every message.
 * Rounds alternate; the first runs on a service just started, no warm-up.
 *
 *   FeedBench <copies> <rounds> <jdbc-url> <corpus-dir> <log>
 */
public final class FeedBench {

    private static final Pattern IDENTIFIER = Pattern.compile("(<(?:\\w+:)?identifier>)([^<]*)(</(?:\\w+:)?identifier>)");
    private static final Pattern SENDER = Pattern.compile("<(?:\\w+:)?sender>([^<]*)</(?:\\w+:)?sender>");
    /** Corpus rows a publish refuses by policy or by their own schema; not ingest work. */
    private static final Set<String> REFUSED = Set.of("canada_signed.cap", "earthquake_signed.cap");

    public static void main(String[] args) throws Exception {
        int copies = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String jdbcUrl = args[2];
        Path corpus = Path.of(args[3]);
        String log = args[4];
        List<byte[]> messages = corpus(corpus);
        Set<String> senders = new LinkedHashSet<>();
        for (byte[] m : messages) {
            Matcher s = SENDER.matcher(new String(m, StandardCharsets.ISO_8859_1));
            if (s.find()) {
                senders.add(s.group(1).trim());
            }
        }
        int port = BenchApp.freePort();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        Process app = BenchApp.start(jdbcUrl, port, log, Map.of("AIRALERT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8"));
        BenchApp.stopOnExit(app);
        BenchApp.waitReady(http, base, log);
        // One key for both ways, bound to the corpus's senders, as a feed's key must be.
        String keyJson = "{\"name\": \"feed bench\", \"holder\": \"bench\", \"roles\": [\"publisher\"],"
                + " \"publishesPerMinute\": 1000000, \"senders\": [" + String.join(", ", senders.stream()
                .map(s -> "\"" + s.replace("\"", "\\\"") + "\"").toList()) + "]}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/api-keys"))
                .header("authorization", "Bearer " + BenchApp.ADMIN_KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(keyJson)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("key: " + created.statusCode() + " " + created.body());
        }
        String secret = created.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        // The tsunami centre's Update references the alert it updates under the centre's other sender
        // name: an admin delegates, as an operator would.
        HttpResponse<String> delegated = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sender-delegations"))
                .header("authorization", "Bearer " + BenchApp.ADMIN_KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sender\": \"http://newwcatwc.arh.noaa.gov/tsuPortal/\","
                        + " \"actsFor\": \"PAAQ\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (delegated.statusCode() != 201) {
            throw new IllegalStateException("delegation: " + delegated.statusCode() + " " + delegated.body());
        }
        String keyId = created.body().replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
        System.out.printf("%d corpus messages x %d copies = %d messages a way and round, %d rounds, no warm-up%n",
                messages.size(), copies, messages.size() * copies, rounds);
        List<Double> direct = new ArrayList<>();
        List<Double> viaFeed = new ArrayList<>();
        try (Server server = new Server()) {
            for (int round = 0; round < rounds; round++) {
                // The first round alternates which way goes first, so neither always meets the colder service.
                boolean feedFirst = round % 2 == 1;
                for (int way = 0; way < 2; way++) {
                    boolean feed = (way == 0) == feedFirst;
                    List<byte[]> batch = copies(messages, copies, "r" + round + (feed ? "f" : "d"));
                    double rate = feed ? feed(http, base, server, batch, keyId, round) : direct(http, base, secret, batch);
                    (feed ? viaFeed : direct).add(rate);
                    System.out.printf("round %d %-6s %7.1f messages/s%n", round + 1, feed ? "feed" : "direct", rate);
                }
            }
        } finally {
            app.destroy();
            app.waitFor();
        }
        double d = BenchStats.median(direct);
        double f = BenchStats.median(viaFeed);
        System.out.printf("median: direct %.1f messages/s, through a feed %.1f messages/s: feed/direct = %.2f%n", d, f, f / d);
        System.out.printf("first round (a fresh service): direct %.1f, feed %.1f%n", direct.get(0), viaFeed.get(0));
    }

    /** Every message of the corpus a publish accepts. */
    private static List<byte[]> corpus(Path root) throws Exception {
        List<byte[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("SOURCES.tsv")).subList(1, Files.readAllLines(
                root.resolve("SOURCES.tsv")).size())) {
            String[] f = line.split("\t");
            String name = f[0].replaceAll(".*/", "");
            if (f[5].startsWith("valid") && !REFUSED.contains(name) && !name.endsWith(".edxlde")) {
                out.add(Files.readAllBytes(root.resolve(f[0])));
            }
        }
        return out;
    }

    /** Copies of every message, each with an identifier of its own. */
    private static List<byte[]> copies(List<byte[]> messages, int copies, String tag) {
        List<byte[]> out = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < messages.size(); i++) {
                String charsetFree = new String(messages.get(i), StandardCharsets.ISO_8859_1);
                String copy = IDENTIFIER.matcher(charsetFree).replaceFirst("$1$2-" + tag + "-" + c + "-" + i + "$3");
                out.add(copy.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static double direct(HttpClient http, String base, String secret, List<byte[]> batch) throws Exception {
        long start = System.nanoTime();
        for (byte[] message : batch) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                    .header("authorization", "Bearer " + secret).header("content-type", "application/cap+xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("direct publish answered " + r.statusCode() + ": " + r.body());
            }
        }
        return batch.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double feed(HttpClient http, String base, Server server, List<byte[]> batch, String keyId, int round)
            throws Exception {
        String path = "/r" + round;
        server.serve(path, batch);
        long start = System.nanoTime();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/feeds"))
                .header("authorization", "Bearer " + BenchApp.ADMIN_KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + server.base() + path + "/index.atom\","
                        + " \"format\": \"atom\", \"pollIntervalSeconds\": 60, \"publisherKey\": \"" + keyId + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("feed: " + created.statusCode() + " " + created.body());
        }
        String feed = created.body().replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");
        Pattern ingested = Pattern.compile("\"ingested\":(\\d+)");
        Pattern refused = Pattern.compile("\"(refused|abandoned|failing)\":([1-9]\\d*)");
        while (true) {
            String status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/feeds/" + feed))
                    .header("authorization", "Bearer " + BenchApp.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher m = ingested.matcher(status);
            if (m.find() && Integer.parseInt(m.group(1)) == batch.size()) {
                break;
            }
            if (refused.matcher(status).find()) {
                throw new IllegalStateException("the feed did not take every message: " + status);
            }
            Thread.sleep(20);
        }
        double rate = batch.size() / ((System.nanoTime() - start) / 1e9);
        System.out.printf("        feed requests: %d index, %d messages%n", server.requests(path + "/index.atom"),
                server.messageRequests(path));
        return rate;
    }

    /** The publisher's web server: per round an Atom index linking that round's messages. */
    private static final class Server implements AutoCloseable {
        private final HttpServer http;
        private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

        Server() throws Exception {
            // Headers and body go out in separate writes: without TCP_NODELAY each small answer
            // waits out the client's delayed ACK (some 40 ms), and the bench would measure that.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(Executors.newFixedThreadPool(4));
            http.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                byte[] body = bodies.get(path);
                try (exchange) {
                    if (body == null) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    exchange.getResponseHeaders().add("Content-Type", path.endsWith(".atom")
                            ? "application/atom+xml" : "application/cap+xml");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            http.start();
        }

        String base() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        void serve(String prefix, List<byte[]> batch) {
            StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:bench</id><title>bench</title>"
                    + "<updated>2026-12-01T00:00:00Z</updated>");
            // Newest first, as indexes list them: the last message is listed first.
            for (int i = batch.size() - 1; i >= 0; i--) {
                String path = prefix + "/cap/" + i + ".xml";
                bodies.put(path, batch.get(i));
                index.append("<entry><id>urn:bench:").append(i).append("</id><title>m</title>")
                        .append("<updated>2026-12-01T00:00:00Z</updated><link rel=\"related\"")
                        .append(" type=\"application/cap+xml\" href=\"").append(path).append("\"/></entry>");
            }
            bodies.put(prefix + "/index.atom", index.append("</feed>").toString().getBytes(StandardCharsets.UTF_8));
        }

        int requests(String path) {
            AtomicInteger n = requests.get(path);
            return n == null ? 0 : n.get();
        }

        int messageRequests(String prefix) {
            return requests.entrySet().stream().filter(e -> e.getKey().startsWith(prefix + "/cap/"))
                    .mapToInt(e -> e.getValue().get()).sum();
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }
}
