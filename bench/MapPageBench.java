import com.fasterxml.jackson.databind.JsonNode;
import dev.airalert.web.HeadlessChromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The live map's weight and speed on a phone. A headless Chromium, driven over the DevTools
 * protocol, is made a phone (390 x 844 CSS pixels at 3 device pixels each, touch) on a slow
 * network and a slow processor: DevTools' "Fast 3G" (562.5 ms latency, 1.44 Mbit/s down,
 * 675 kbit/s up) and the processor four times slower. It opens the map with an empty cache
 * (a new profile each run) and measures, per run:
 *
 * - the bytes transferred until the page has settled (every request done but the live
 *   stream), as they came over the wire (compressed), by kind: page, modules, style, maps,
 *   states, alerts;
 * - the first contentful paint, and "map ready": the country's map drawn with every region's
 *   state (read in the page, from the navigation's start);
 * - the same page opened again (the cache revalidated: 304s);
 * - Lviv Oblast chosen: the bytes and the time until its hromadas show their states.
 *
 * The service is the production package on a scratch database, with a Kyiv alert and a Lviv
 * city alert active. Run by bench/live-map-weight.sh, which packages the service, prepares
 * the database and compiles the benchmarks with bench/BenchApp.java:
 *
 *   java -cp "target/bench:target/quarkus-app/lib/main/*:$(cat target/bench/test-libs.txt)" MapPageBench <jdbc-url> <runs>
 */
public final class MapPageBench {

    /** DevTools' "Fast 3G" preset, as Chromium's own front end sets it. */
    private static final Map<String, Object> FAST_3G = Map.of("offline", false, "latency", 562.5,
            "downloadThroughput", 1.6 * 1000 * 1000 / 8 * 0.9, "uploadThroughput", 750.0 * 1000 / 8 * 0.9);
    private static final int CPU_SLOWDOWN = 4;
    /** Set in the page when every region of the country's map shows a state. */
    private static final String RECORDER = """
            new MutationObserver((changes, observer) => {
              const paths = document.querySelectorAll('#map path.region');
              if (paths.length > 0 && [...paths].every((p) => p.dataset.state && p.dataset.state !== 'unknown')) {
                window.__mapReady = performance.now();
                observer.disconnect();
              }
            }).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-state']});""";

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int port = BenchApp.freePort();
        String base = "http://127.0.0.1:" + port;
        String log = "target/bench-map.log";
        Process app = BenchApp.start(jdbcUrl, port, log, Map.of());
        try {
            HttpClient http = HttpClient.newHttpClient();
            BenchApp.waitReady(http, base, log);
            String publisher = BenchApp.createPublisherKey(http, base);
            publish(http, base, publisher, BenchApp.kyivAlert("bench-map-kyiv-" + System.nanoTime()));
            publish(http, base, publisher, lvivCityAlert("bench-map-lviv-" + System.nanoTime()));
            List<Map<String, Double>> results = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                Map<String, Double> result = measure(base);
                System.out.printf(Locale.ROOT, "run %d: %s%n", run + 1, result);
                results.add(result);
            }
            System.out.printf(Locale.ROOT, "%nmedians of %d runs (Fast 3G, CPU %dx slower, 390x844 @3x):%n", runs, CPU_SLOWDOWN);
            results.get(0).keySet().forEach(key -> System.out.printf(Locale.ROOT, "  %-28s %10.0f%n", key,
                    median(results.stream().mapToDouble(r -> r.get(key)).sorted().toArray())));
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Double> measure(String base) throws Exception {
        Map<String, Double> result = new TreeMap<>();
        try (Browser browser = Browser.start()) {
            browser.command("Network.enable", Map.of());
            browser.command("Network.emulateNetworkConditions", FAST_3G);
            browser.command("Emulation.setCPUThrottlingRate", Map.of("rate", CPU_SLOWDOWN));
            browser.command("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 3, "mobile", true));
            browser.command("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));

            browser.open(base + "/");
            browser.waitFor("window.__mapReady && document.querySelector('#alerts [data-alert-id]')");
            browser.waitForQuietNetwork();
            browser.bytesByKind().forEach((kind, bytes) -> result.put("first load bytes: " + kind, bytes));
            result.put("first load bytes: total", browser.bytesByKind().values().stream().mapToDouble(d -> d).sum());
            result.put("first load ms: first paint", browser.evaluate(
                    "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1").asDouble());
            result.put("first load ms: map ready", browser.evaluate("window.__mapReady").asDouble());

            browser.clearBytes();
            browser.open(base + "/");
            browser.waitFor("window.__mapReady && document.querySelector('#alerts [data-alert-id]')");
            browser.waitForQuietNetwork();
            result.put("again bytes: total", browser.bytesByKind().values().stream().mapToDouble(d -> d).sum());
            result.put("again ms: map ready", browser.evaluate("window.__mapReady").asDouble());

            browser.clearBytes();
            double start = browser.evaluate("performance.now()").asDouble();
            browser.evaluate("document.getElementById('region-UA-46').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
            browser.waitFor("document.getElementById('region-UA46060250000025047')?.dataset.state === 'active'");
            double shown = browser.evaluate("performance.now()").asDouble();
            browser.waitForQuietNetwork();
            result.put("Lviv Oblast ms: states shown", shown - start);
            result.put("Lviv Oblast bytes: total", browser.bytesByKind().values().stream().mapToDouble(d -> d).sum());
        }
        return result;
    }

    private static void publish(HttpClient http, String base, String key, String alert) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                .header("authorization", "Bearer " + key).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alert)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("publish: " + response.statusCode() + " " + response.body());
        }
    }

    /** An air raid alert for Lviv city's hromada by its KATOTTG code, for two hours from now. */
    private static String lvivCityAlert(String identifier) {
        DateTimeFormatter cap = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
        return """
                {"identifier": "%s", "sender": "bench@airalert.test", "sent": "%s", "status": "Actual",
                 "msgType": "Alert", "scope": "Public",
                 "info": [{"language": "en-US", "category": ["Security"], "event": "air raid", "urgency": "Immediate",
                   "severity": "Extreme", "certainty": "Observed", "expires": "%s", "headline": "Air raid alert in Lviv",
                   "area": [{"areaDesc": "Lviv", "geocode": [{"valueName": "KATOTTG", "value": "UA46060250000025047"}]}]}]}
                """.formatted(identifier, OffsetDateTime.now().format(cap), OffsetDateTime.now().plusHours(2).format(cap));
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** A headless Chromium (the one the tests drive) and what its network carried. */
    private static final class Browser implements AutoCloseable {
        private final HeadlessChromium chromium;
        /** Request id to the kind of what it fetched, and to its bytes once done. */
        private final Map<String, String> kinds = new ConcurrentHashMap<>();
        private final Map<String, Double> done = new ConcurrentHashMap<>();

        private Browser(HeadlessChromium chromium) {
            this.chromium = chromium;
            chromium.onEvent(this::onEvent);
        }

        static Browser start() throws Exception {
            return new Browser(HeadlessChromium.start(1400, 1000, "en-US"));
        }

        JsonNode command(String method, Map<String, Object> params) throws Exception {
            return chromium.command(method, params);
        }

        void open(String url) throws Exception {
            chromium.open(url);
        }

        JsonNode evaluate(String expression) throws Exception {
            return chromium.evaluate(expression);
        }

        void waitFor(String condition) throws Exception {
            if (!chromium.waitFor(condition, Duration.ofMinutes(1))) {
                throw new IllegalStateException("not within a minute: " + condition);
            }
        }

        /** Until every request but the live stream has been done for half a second. */
        void waitForQuietNetwork() throws Exception {
            int quiet = 0;
            while (quiet < 10) {
                boolean open = kinds.keySet().stream().anyMatch(id -> !done.containsKey(id) && !"stream".equals(kinds.get(id)));
                quiet = open ? 0 : quiet + 1;
                Thread.sleep(50);
            }
        }

        Map<String, Double> bytesByKind() {
            Map<String, Double> bytes = new TreeMap<>();
            done.forEach((id, size) -> bytes.merge(kinds.getOrDefault(id, "other"), size, Double::sum));
            return bytes;
        }

        void clearBytes() {
            kinds.clear();
            done.clear();
        }

        private void onEvent(String method, JsonNode params) {
            String id = params.path("requestId").asText();
            switch (method) {
                case "Network.requestWillBeSent" -> kinds.put(id, kind(params.path("request").path("url").asText()));
                case "Network.loadingFinished" -> done.put(id, params.path("encodedDataLength").asDouble());
                case "Network.loadingFailed" -> done.put(id, 0.0);
                default -> {
                    // other events are not needed
                }
            }
        }

        private static String kind(String url) {
            String path = url.startsWith("http") ? URI.create(url).getPath() : null;
            if (path == null) {
                return "other";
            }
            return Stream.of(Map.entry("/api/v1/alerts/stream", "stream"), Map.entry("/api/v1/regions/map.svg", "maps"),
                    Map.entry("/api/v1/status", "states"), Map.entry("/api/v1/alerts", "alerts"),
                    Map.entry("/api/v1/regions/", "region panel"), Map.entry("/js/", "modules"),
                    Map.entry(".css", "style"))
                    .filter(e -> e.getKey().endsWith(".css") ? path.endsWith(".css") : path.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(path.equals("/") ? "page" : "other");
        }

        @Override
        public void close() throws Exception {
            chromium.close();
        }
    }
}
