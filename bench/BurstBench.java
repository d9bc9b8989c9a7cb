import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Burst benchmark: what a massive attack looks like to the service. Every hromada of the
 * country is alerted at once: N distinct alerts (default 1,600), one per hromada (Kyiv and
 * Sevastopol count as one each; past the 1,471 of them, a second alert for as many hromadas
 * again), sent by P publishers (default 16), each with its own key and sender, all at once,
 * each sending its share one after the other as fast as it is answered, half of them in CAP
 * XML and half in CAP JSON. Meanwhile C clients (default 1,000) follow the live stream, each
 * with a region filter of one oblast or one hromada, and S webhook subscriptions (default
 * 10,000) wait, most for one hromada, some for a raion or an oblast, written straight into the
 * database after one start of the service that creates the schema.
 *
 * <p>Which subscription and which client must get which alert is worked out here from the
 * gazetteer's files: a subscription or a stream filter for a region gets the alerts of that
 * region, of the regions inside it and of those around it, so a hromada alert goes to that
 * hromada's, its raion's and its oblast's subscriptions and to the streams of that hromada and
 * its oblast. Every webhook (its signature checked) and every stream event is timed as it
 * arrives and put to its (receiver, alert) pair; the report gives the time of the last 201
 * from the start of the burst and, from the last 201, p50, p99 and the latest arrival of the
 * webhook deliveries and of the stream events, with anything missing, unexpected or twice.
 * Target: every expected pair within 3 s of the last 201.
 *
 * <p>The service is started afresh: the first burst is its first work. Then a baseline does the
 * same delivery work with nothing of the service in it: the same Vert.x client posts the same
 * bodies (those the service sent) to the same receiver, one per expected delivery, with as many
 * in flight as the service may have (256), while a minimal SSE broadcaster on plain Vert.x
 * writes the same event bytes to the same number of clients, each the events it expects. Then,
 * when asked for, more bursts on the warm service (new alerts for the same hromadas), reported
 * apart. With BENCH_JFR set, the first burst is recorded with JFR (profile settings) into
 * target/bench-burst-service.jfr. Run by bench/burst.sh:
 *
 *   java -cp "target/bench:target/quarkus-app/lib/main/*" BurstBench <jdbc-url> <alerts> <publishers> <clients>
 *       <subscriptions> <bursts> <receiver-port>
 */
public class BurstBench {

    static final String LOG = "target/bench-burst.log";
    static final String JFR = "target/bench-burst-service.jfr";
    static final String STREAM_PATH = "/api/v1/alerts/stream";
    static final String REGIONS = "src/main/resources/regions/hromadas.geojson";
    static final long TARGET_NANOS = 3_000_000_000L;
    /** What the service may have in flight by default (airalert.webhooks.max-in-flight); the baseline too. */
    static final int IN_FLIGHT = 256;
    static final int ARRIVAL_TIMEOUT_SECONDS = 90;
    /** Shares of the subscriptions for a raion and for an oblast; the rest are for a hromada. */
    static final double RAION_SUBSCRIPTIONS = 0.05;
    static final double OBLAST_SUBSCRIPTIONS = 0.05;
    /** Share of the stream clients following an oblast; the rest follow a hromada. */
    static final double OBLAST_CLIENTS = 0.5;
    static final Pattern IDENTIFIER = Pattern.compile("burst-(\\d+)-(\\d+)");
    static final Pattern REGIONS_OF = Pattern.compile("\"regions\":\\[([^\\]]*)\\]");
    static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int alerts = Integer.parseInt(args[1]);
        int publishers = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        int subscriptions = Integer.parseInt(args[4]);
        int bursts = Integer.parseInt(args[5]);
        int receiverPort = Integer.parseInt(args[6]);

        Plan plan = new Plan(Hromada.load(Path.of(REGIONS)), alerts, subscriptions, clients, new Random(42));
        System.out.printf("%d alerts over %d hromadas from %d publishers; %d stream clients (%d oblast, %d hromada);"
                        + " %d subscriptions (%s)%n", alerts, plan.units.size(), publishers, clients,
                plan.oblastClients, clients - plan.oblastClients, subscriptions, plan.subscriptionMix());
        System.out.printf("expected: %d webhook deliveries, %d stream events%n", plan.expectedHooks.size(),
                plan.expectedEvents.size());

        createSchema(jdbcUrl);
        insertSubscriptions(jdbcUrl, plan, receiverPort);

        Sink sink = new Sink();
        HookReceiver receiver = new HookReceiver(receiverPort, sink::hook);
        Vertx clientVertx = Vertx.vertx();
        int appPort = BenchApp.freePort();
        Process app = BenchApp.start(jdbcUrl, appPort, LOG, Map.of(
                "AIRALERT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8",
                "AIRALERT_WEBHOOKS_MAX_IN_FLIGHT", Integer.toString(IN_FLIGHT)));
        BenchApp.stopOnExit(app);
        Broadcaster broadcaster = null;
        try {
            HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + appPort;
            // Its start seals the 10,000 secrets written in plain text: a minute on a busy machine.
            BenchApp.waitReady(admin, base, LOG, 300);
            List<String> keys = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                keys.add(BenchApp.createPublisherKey(admin, base, "burst-" + p, sender(p)));
            }
            List<Client> streams = open(clientVertx, appPort, i -> STREAM_PATH + "?region="
                    + URLEncoder.encode(plan.clientRegion[i], StandardCharsets.UTF_8), clients, sink);
            System.out.printf("%d streams open, %d publisher keys; service started %s, nothing published yet%n",
                    streams.size(), keys.size(), base);

            Tally first = null;
            for (int burst = 1; burst <= bursts; burst++) {
                boolean record = burst == 1 && System.getenv("BENCH_JFR") != null;
                if (record) {
                    jcmd(app, "JFR.start", "name=burst", "settings=profile", "filename=" + JFR);
                }
                Tally tally = burst(plan, burst, keys, base, app, sink);
                if (record) {
                    jcmd(app, "JFR.stop", "name=burst");
                }
                tally.report(burst == 1 ? "burst 1 (first work of the service)" : "burst " + burst + " (warm)");
                if (burst == 1) {
                    first = tally;
                    broadcaster = new Broadcaster(plan);
                    Tally baseline = baseline(plan, first, receiver, receiverPort, clientVertx, broadcaster, sink);
                    baseline.report("baseline (the same delivery work, plain Vert.x)");
                    if (first.missing() > 0) {
                        System.out.printf("ratio baseline/airalert: none, %d pairs never arrived%n", first.missing());
                    } else {
                        System.out.printf("ratio baseline/airalert, start until the last arrival: %.2f; "
                                        + "fan-out alone (airalert from its last 201): %.2f%n",
                                baseline.lastArrival() / first.lastArrival(),
                                baseline.lastArrival() / first.lastFrom201());
                    }
                }
            }
            streams.forEach(Client::close);
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            receiver.stop();
            clientVertx.close();
            if (broadcaster != null) {
                broadcaster.stop();
            }
        }
        System.exit(0);
    }

    static String sender(int publisher) {
        return "burst-" + publisher + "@bench.example";
    }

    // ---- the gazetteer and who must get what ----

    /** A hromada as alerts name it: its KATOTTG code, the region it is (Kyiv's is UA-30), its raion and oblast. */
    record Hromada(String katottg, String code, String raion, String oblast, String name) {

        static List<Hromada> load(Path geojson) throws Exception {
            List<Hromada> all = new ArrayList<>();
            for (JsonNode feature : new ObjectMapper().readTree(geojson.toFile()).get("features")) {
                JsonNode p = feature.get("properties");
                String code = p.get("code").asText();
                String parent = p.get("parent").asText();
                String oblast = p.get("oblast").asText();
                // Kyiv and Sevastopol: their KATOTTG code is another code of the city, which has no raion.
                boolean city = parent.equals(oblast);
                all.add(new Hromada(code, city ? oblast : code, city ? null : parent, oblast,
                        p.get("names").get("uk").asText()));
            }
            return all;
        }

        /** The regions whose subscriptions get an alert for this hromada. */
        Set<String> subscribedBy() {
            Set<String> codes = new LinkedHashSet<>(Arrays.asList(code, oblast));
            if (raion != null) {
                codes.add(raion);
            }
            return codes;
        }
    }

    /**
     * The alerts, subscriptions and clients of a run (seeded), and which (receiver, alert)
     * pairs must arrive: a pair is {@code receiver * alerts + alert}.
     */
    static final class Plan {
        final List<Hromada> units;
        final int alerts;
        final Hromada[] alerted;
        final String[] subscriptionRegion;
        final String[] clientRegion;
        final int oblastClients;
        final Set<Long> expectedHooks = new HashSet<>();
        final Set<Long> expectedEvents = new HashSet<>();
        /** Per alert, the subscriptions and the clients that must get it. */
        final List<List<Integer>> hooksOf = new ArrayList<>();
        final List<List<Integer>> clientsOf = new ArrayList<>();

        Plan(List<Hromada> hromadas, int alerts, int subscriptions, int clients, Random random) {
            this.units = hromadas;
            this.alerts = alerts;
            List<Hromada> order = new ArrayList<>(hromadas);
            Collections.shuffle(order, random);
            alerted = new Hromada[alerts];
            for (int k = 0; k < alerts; k++) {
                alerted[k] = order.get(k % order.size());
            }
            List<String> raions = hromadas.stream().map(Hromada::raion).filter(r -> r != null).distinct().sorted().toList();
            List<String> oblasts = hromadas.stream().map(Hromada::oblast).distinct().sorted().toList();
            subscriptionRegion = new String[subscriptions];
            int raionSubs = (int) Math.round(subscriptions * RAION_SUBSCRIPTIONS);
            int oblastSubs = (int) Math.round(subscriptions * OBLAST_SUBSCRIPTIONS);
            for (int s = 0; s < subscriptions; s++) {
                subscriptionRegion[s] = s < oblastSubs ? oblasts.get(random.nextInt(oblasts.size()))
                        : s < oblastSubs + raionSubs ? raions.get(random.nextInt(raions.size()))
                        : hromadas.get(random.nextInt(hromadas.size())).code();
            }
            clientRegion = new String[clients];
            oblastClients = (int) Math.round(clients * OBLAST_CLIENTS);
            for (int c = 0; c < clients; c++) {
                clientRegion[c] = c < oblastClients ? oblasts.get(random.nextInt(oblasts.size()))
                        : hromadas.get(random.nextInt(hromadas.size())).code();
            }
            Map<String, List<Integer>> subscribers = byRegion(subscriptionRegion);
            Map<String, List<Integer>> followers = byRegion(clientRegion);
            for (int k = 0; k < alerts; k++) {
                Hromada h = alerted[k];
                List<Integer> hooks = new ArrayList<>();
                for (String code : h.subscribedBy()) {
                    hooks.addAll(subscribers.getOrDefault(code, List.of()));
                }
                // Clients follow an oblast or a hromada: the alert's own region and its oblast.
                List<Integer> followersOf = new ArrayList<>(followers.getOrDefault(h.code(), List.of()));
                if (!h.oblast().equals(h.code())) {
                    followersOf.addAll(followers.getOrDefault(h.oblast(), List.of()));
                }
                hooksOf.add(hooks);
                clientsOf.add(followersOf);
                for (int s : hooks) {
                    expectedHooks.add(pair(s, k));
                }
                for (int c : followersOf) {
                    expectedEvents.add(pair(c, k));
                }
            }
        }

        long pair(int receiver, int alert) {
            return (long) receiver * alerts + alert;
        }

        private static Map<String, List<Integer>> byRegion(String[] regions) {
            Map<String, List<Integer>> by = new HashMap<>();
            for (int i = 0; i < regions.length; i++) {
                by.computeIfAbsent(regions[i], r -> new ArrayList<>()).add(i);
            }
            return by;
        }

        String subscriptionMix() {
            Map<String, Integer> kinds = new TreeMap<>();
            for (String code : subscriptionRegion) {
                kinds.merge(code.length() <= 6 ? "oblast" : code.startsWith("UA") && units.stream()
                        .anyMatch(h -> code.equals(h.raion())) ? "raion" : "hromada", 1, Integer::sum);
            }
            return kinds.toString();
        }
    }

    // ---- setting up ----

    /** One start of the service on the empty database, so that Flyway creates the schema. */
    static void createSchema(String jdbcUrl) throws Exception {
        int port = BenchApp.freePort();
        Process app = BenchApp.start(jdbcUrl, port, "target/bench-burst-migrate.log",
                Map.of("AIRALERT_WEBHOOKS_ENABLED", "false"));
        BenchApp.stopOnExit(app);
        try {
            BenchApp.waitReady(HttpClient.newHttpClient(), "http://127.0.0.1:" + port, "target/bench-burst-migrate.log");
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The subscriptions in bulk, as bench/webhook-fanout.sh writes them: setting them up is not what is measured. */
    static void insertSubscriptions(String jdbcUrl, Plan plan, int receiverPort) throws Exception {
        String url = "http://127.0.0.1:" + receiverPort + "/hook/";
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO subscription (id, owner, url, events, "
                    + "urgencies, certainties, statuses, languages, secret, enabled, created_at, updated_at) "
                    + "SELECT gen_random_uuid(), 'bench', ? || g, '', '', '', 'Actual', '', ?, TRUE, now(), now() "
                    + "FROM generate_series(0, ? - 1) g")) {
                insert.setString(1, url);
                insert.setString(2, HookReceiver.SECRET);
                insert.setInt(3, plan.subscriptionRegion.length);
                insert.executeUpdate();
            }
            try (PreparedStatement regions = c.prepareStatement("INSERT INTO subscription_region (subscription_id, "
                    + "region_code) SELECT s.id, r.code FROM unnest(?) WITH ORDINALITY r(code, n) "
                    + "JOIN subscription s ON s.url = ? || (r.n - 1)")) {
                regions.setArray(1, c.createArrayOf("varchar", plan.subscriptionRegion));
                regions.setString(2, url);
                regions.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
        }
    }

    /** N stream clients on these paths, reporting to the sink; returns once every one has its first comment. */
    static List<Client> open(Vertx vertx, int port, java.util.function.IntFunction<String> path, int n, Sink sink)
            throws Exception {
        NetClient net = vertx.createNetClient(new NetClientOptions().setConnectTimeout(30_000).setTcpNoDelay(true));
        CountDownLatch opened = new CountDownLatch(n);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Client client = new Client(i, opened, sink);
            clients.add(client);
            String p = path.apply(i);
            net.connect(port, "127.0.0.1").onComplete(r -> client.connected(r, port, p));
        }
        if (!opened.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every stream opened within 120 s");
        }
        List<String> failed = clients.stream().map(c -> c.failure).filter(f -> f != null).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " streams failed to open: " + failed.get(0));
        }
        return clients;
    }

    // ---- one burst ----

    /** The alert of this burst, in CAP XML (even publishers) or CAP JSON (odd ones). */
    static String alert(Plan plan, int burst, int k, int publisher) {
        Hromada h = plan.alerted[k];
        String identifier = "burst-" + burst + "-" + k;
        String sent = OffsetDateTime.now().format(CAP_TIME);
        String expires = OffsetDateTime.now().plusHours(2).format(CAP_TIME);
        String headline = "Повітряна тривога: " + h.name();
        if (publisher % 2 == 0) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
                    + "<identifier>" + identifier + "</identifier><sender>" + sender(publisher) + "</sender>"
                    + "<sent>" + sent + "</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>"
                    + "<info><language>uk-UA</language><category>Security</category><event>Повітряна тривога</event>"
                    + "<responseType>Shelter</responseType><urgency>Immediate</urgency><severity>Extreme</severity>"
                    + "<certainty>Observed</certainty><expires>" + expires + "</expires><headline>" + xml(headline)
                    + "</headline><instruction>Прямуйте до найближчого укриття.</instruction><area><areaDesc>"
                    + xml(h.name()) + "</areaDesc><geocode><valueName>KATOTTG</valueName><value>" + h.katottg()
                    + "</value></geocode></area></info></alert>";
        }
        return "{\"identifier\": \"" + identifier + "\", \"sender\": \"" + sender(publisher) + "\", \"sent\": \"" + sent
                + "\", \"status\": \"Actual\", \"msgType\": \"Alert\", \"scope\": \"Public\", \"info\": [{\"language\": "
                + "\"uk-UA\", \"category\": [\"Security\"], \"event\": \"Повітряна тривога\", \"responseType\": "
                + "[\"Shelter\"], \"urgency\": \"Immediate\", \"severity\": \"Extreme\", \"certainty\": \"Observed\", "
                + "\"expires\": \"" + expires + "\", \"headline\": \"" + json(headline) + "\", \"instruction\": "
                + "\"Прямуйте до найближчого укриття.\", \"area\": [{\"areaDesc\": \"" + json(h.name()) + "\", "
                + "\"geocode\": [{\"valueName\": \"KATOTTG\", \"value\": \"" + h.katottg() + "\"}]}]}]}";
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * All publishers at once, each its share (alert k goes to publisher k mod P) one after the
     * other; then waits until every expected pair arrived, or for {@link #ARRIVAL_TIMEOUT_SECONDS}.
     */
    static Tally burst(Plan plan, int burst, List<String> keys, String base, Process app, Sink sink)
            throws Exception {
        int publishers = keys.size();
        Tally tally = new Tally(plan, burst, plan.expectedHooks, plan.expectedEvents);
        List<String> bodies = new ArrayList<>();
        for (int k = 0; k < plan.alerts; k++) {
            bodies.add(alert(plan, burst, k, k % publishers));
        }
        sink.tally = tally;
        long[] answeredAt = new long[plan.alerts];
        List<String> refusals = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger otherRegions = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int k = publisher; k < plan.alerts; k += publishers) {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                                .header("authorization", "Bearer " + keys.get(publisher))
                                .header("content-type", publisher % 2 == 0 ? "application/cap+xml" : "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(k))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        answeredAt[k] = System.nanoTime();
                        if (answer.statusCode() != 201) {
                            refusals.add(k + ": " + answer.statusCode() + " " + answer.body());
                            continue;
                        }
                        Matcher regions = REGIONS_OF.matcher(answer.body());
                        if (!regions.find() || !regions.group(1).equals("\"" + plan.alerted[k].code() + "\"")) {
                            otherRegions.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    refusals.add("publisher " + publisher + ": " + e);
                }
            });
            t.start();
            threads.add(t);
        }
        double cpu0 = BenchApp.cpuSeconds(app);
        tally.start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        tally.last201 = Arrays.stream(answeredAt).max().orElse(0);
        long[] publishMs = Arrays.stream(answeredAt).map(a -> (a - tally.start) / 1_000_000).sorted().toArray();
        tally.awaitAll(ARRIVAL_TIMEOUT_SECONDS);
        double cpu = BenchApp.cpuSeconds(app) - cpu0;
        System.out.printf("%nburst %d: %d alerts; 201s: first %d ms, half by %d ms, last %d ms after the start "
                        + "(%.0f alerts/s); service CPU during the burst %.1f s%n", burst, plan.alerts, publishMs[0],
                publishMs[publishMs.length / 2], publishMs[publishMs.length - 1],
                plan.alerts / ((tally.last201 - tally.start) / 1e9), cpu);
        if (!refusals.isEmpty()) {
            System.out.printf("  %d publishes not answered 201, e.g. %s%n", refusals.size(), refusals.get(0));
        }
        if (otherRegions.get() > 0) {
            System.out.printf("  %d alerts resolved to other regions than their hromada%n", otherRegions.get());
        }
        return tally;
    }

    // ---- the baseline ----

    /**
     * The same delivery work without the service: each expected webhook delivery's body (the
     * one the service sent for that alert) posted to its subscription's URL by the same
     * Vert.x client, {@link #IN_FLIGHT} in flight, alert after alert; and at the same moment
     * the broadcaster writing every alert's event bytes to the clients that expect it.
     */
    static Tally baseline(Plan plan, Tally service, HookReceiver receiver, int receiverPort, Vertx clientVertx,
            Broadcaster broadcaster, Sink sink) throws Exception {
        List<Client> streams = open(clientVertx, broadcaster.port, i -> "/stream?c=" + i, plan.clientRegion.length, sink);
        Tally tally = new Tally(plan, service.burst, plan.expectedHooks, plan.expectedEvents);
        receiver.verifySignatures(false);
        sink.tally = tally;
        String anyBody = Arrays.stream(service.hookBody).filter(b -> b != null).findFirst().orElse("{}");
        Buffer anyEvent = Arrays.stream(service.eventBlock).filter(b -> b != null).findFirst().orElse(Buffer.buffer());
        io.vertx.core.http.HttpClient plain = receiver.vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                .setKeepAlive(true), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(IN_FLIGHT));
        Semaphore slots = new Semaphore(IN_FLIGHT);
        tally.start = System.nanoTime();
        tally.last201 = tally.start;
        Thread posting = new Thread(() -> {
            try {
                for (int k = 0; k < plan.alerts; k++) {
                    String body = service.hookBody[k] != null ? service.hookBody[k] : anyBody.replaceAll(
                            IDENTIFIER.pattern(), "burst-" + service.burst + "-" + k);
                    for (int s : plan.hooksOf.get(k)) {
                        slots.acquire();
                        FanoutBench.post(plain, receiverPort, "/hook/" + s, body, slots);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        posting.start();
        broadcaster.burst(k -> service.eventBlock[k] != null ? service.eventBlock[k]
                : Buffer.buffer(anyEvent.toString(StandardCharsets.UTF_8).replaceAll(IDENTIFIER.pattern(),
                        "burst-" + service.burst + "-" + k)));
        posting.join();
        tally.awaitAll(ARRIVAL_TIMEOUT_SECONDS);
        streams.forEach(Client::close);
        plain.close();
        receiver.verifySignatures(true);
        return tally;
    }

    /** The minimal SSE broadcaster: keeps GET /stream?c=i open as client i; {@link #burst} writes to them. */
    static final class Broadcaster {
        final int port;
        private final Plan plan;
        private final Vertx vertx = Vertx.vertx();
        private final HttpServerResponse[] streams;

        Broadcaster(Plan plan) throws Exception {
            this.plan = plan;
            this.port = BenchApp.freePort();
            this.streams = new HttpServerResponse[plan.clientRegion.length];
            int loops = Math.max(2, Runtime.getRuntime().availableProcessors());
            CountDownLatch listening = new CountDownLatch(loops);
            for (int i = 0; i < loops; i++) {
                vertx.createHttpServer().requestHandler(request -> {
                    if (request.method() == HttpMethod.GET && request.path().equals("/stream")) {
                        HttpServerResponse response = request.response().setChunked(true)
                                .putHeader("content-type", "text/event-stream");
                        streams[Integer.parseInt(request.getParam("c"))] = response;
                        response.write(":keep-alive\n\n");
                    } else {
                        request.response().setStatusCode(404).end();
                    }
                }).listen(port, "127.0.0.1").onComplete(r -> listening.countDown());
            }
            listening.await(10, TimeUnit.SECONDS);
        }

        /** Every alert in turn, its event to each client that expects it. */
        void burst(java.util.function.IntFunction<Buffer> event) {
            for (int k = 0; k < plan.alerts; k++) {
                Buffer bytes = event.apply(k);
                for (int c : plan.clientsOf.get(k)) {
                    streams[c].write(bytes);
                }
            }
        }

        void stop() {
            vertx.close();
        }
    }

    // ---- receiving and counting ----

    /** Where the receiver and the stream clients report to: the tally of the phase running now. */
    static final class Sink {
        volatile Tally tally;

        void hook(String path, String body, boolean signed, long at) {
            Tally t = tally;
            if (t != null) {
                t.hook(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)), body, signed, at);
            }
        }

        void event(int client, Buffer block, long at) {
            Tally t = tally;
            if (t != null) {
                t.event(client, block, at);
            }
        }
    }

    /** One phase's arrivals, put to their (receiver, alert) pairs. */
    static final class Tally {
        final Plan plan;
        final int burst;
        final Set<Long> expectedHooks;
        final Set<Long> expectedEvents;
        final Map<Long, Long> hooks = new ConcurrentHashMap<>();
        final Map<Long, Long> events = new ConcurrentHashMap<>();
        final String[] hookBody;
        final Buffer[] eventBlock;
        final AtomicInteger unexpectedHooks = new AtomicInteger();
        final AtomicInteger unexpectedEvents = new AtomicInteger();
        final AtomicInteger twice = new AtomicInteger();
        final AtomicInteger badSignatures = new AtomicInteger();
        final CountDownLatch all;
        volatile long start;
        volatile long last201;

        Tally(Plan plan, int burst, Set<Long> expectedHooks, Set<Long> expectedEvents) {
            this.plan = plan;
            this.burst = burst;
            this.expectedHooks = expectedHooks;
            this.expectedEvents = expectedEvents;
            this.hookBody = new String[plan.alerts];
            this.eventBlock = new Buffer[plan.alerts];
            this.all = new CountDownLatch(expectedHooks.size() + expectedEvents.size());
        }

        /** The alert a body names, if of this burst; -1 if not. */
        private int alertOf(CharSequence text) {
            Matcher m = IDENTIFIER.matcher(text);
            return m.find() && Integer.parseInt(m.group(1)) == burst ? Integer.parseInt(m.group(2)) : -1;
        }

        void hook(int subscription, String body, boolean signed, long at) {
            if (!signed) {
                badSignatures.incrementAndGet();
            }
            int k = alertOf(body);
            long pair = k < 0 ? -1 : plan.pair(subscription, k);
            if (!expectedHooks.contains(pair)) {
                unexpectedHooks.incrementAndGet();
            } else if (hooks.putIfAbsent(pair, at) != null) {
                twice.incrementAndGet();
            } else {
                if (hookBody[k] == null) {
                    hookBody[k] = body;
                }
                all.countDown();
            }
        }

        void event(int client, Buffer block, long at) {
            int k = alertOf(block.toString(StandardCharsets.UTF_8));
            long pair = k < 0 ? -1 : plan.pair(client, k);
            if (!expectedEvents.contains(pair)) {
                unexpectedEvents.incrementAndGet();
            } else if (events.putIfAbsent(pair, at) != null) {
                twice.incrementAndGet();
            } else {
                if (eventBlock[k] == null) {
                    eventBlock[k] = block;
                }
                all.countDown();
            }
        }

        void awaitAll(int seconds) throws InterruptedException {
            all.await(seconds, TimeUnit.SECONDS);
            // Anything more (unexpected, twice) would come right behind.
            Thread.sleep(1000);
        }

        /** Seconds from the start until the last arrival. */
        double lastArrival() {
            return (Math.max(latest(hooks), latest(events)) - start) / 1e9;
        }

        /** Seconds from the last 201 until the last arrival. */
        double lastFrom201() {
            return (Math.max(latest(hooks), latest(events)) - last201) / 1e9;
        }

        int missing() {
            return expectedHooks.size() + expectedEvents.size() - hooks.size() - events.size();
        }

        private static long latest(Map<Long, Long> arrivals) {
            return arrivals.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        void report(String label) {
            System.out.printf("%s: last 201 %.2f s after the start%n", label, (last201 - start) / 1e9);
            line("webhook deliveries", hooks, expectedHooks.size());
            line("stream events", events, expectedEvents.size());
            Map<Long, Long> both = new HashMap<>(hooks.size() + events.size());
            hooks.forEach((p, at) -> both.put(p, at));
            events.forEach((p, at) -> both.put(-1 - p, at));
            line("all", both, expectedHooks.size() + expectedEvents.size());
            long late = both.values().stream().filter(at -> at - last201 > TARGET_NANOS).count();
            int missing = missing();
            System.out.printf("  missing %d, unexpected %d (webhooks %d, stream %d), twice %d, bad signatures %d; "
                            + "after 3 s from the last 201: %d; target (all within 3 s, none missing or unexpected): "
                            + "%s%n", missing, unexpectedHooks.get() + unexpectedEvents.get(), unexpectedHooks.get(),
                    unexpectedEvents.get(), twice.get(), badSignatures.get(), late,
                    late == 0 && missing == 0 && unexpectedHooks.get() + unexpectedEvents.get() == 0 ? "met" : "missed");
        }

        private void line(String what, Map<Long, Long> arrivals, int expected) {
            long[] sorted = arrivals.values().stream().mapToLong(at -> at - last201).sorted().toArray();
            if (sorted.length == 0) {
                System.out.printf("  %-19s 0/%d arrived%n", what, expected);
                return;
            }
            System.out.printf("  %-19s %6d/%-6d from the last 201: p50 %7.0f  p99 %7.0f  max %7.0f ms"
                            + " | from the start: max %7.0f ms%n", what, sorted.length, expected,
                    BenchStats.percentile(sorted, 0.5) / 1e6, BenchStats.percentile(sorted, 0.99) / 1e6,
                    sorted[sorted.length - 1] / 1e6, (sorted[sorted.length - 1] + last201 - start) / 1e6);
        }
    }

    /** A stream client: a raw socket read by {@link SseReader}; its events go to the sink. */
    static final class Client implements SseReader.Blocks {
        final int index;
        private final CountDownLatch opened;
        private final SseReader reader = new SseReader(this);
        private final Sink sink;
        private volatile NetSocket socket;
        private boolean open;
        volatile String failure;

        Client(int index, CountDownLatch opened, Sink sink) {
            this.index = index;
            this.opened = opened;
            this.sink = sink;
        }

        void connected(io.vertx.core.AsyncResult<NetSocket> result, int port, String path) {
            if (result.failed()) {
                fail(result.cause().toString());
                return;
            }
            socket = result.result();
            socket.handler(reader::read);
            socket.exceptionHandler(e -> fail(e.toString()));
            socket.write(SseReader.request(port, path));
        }

        @Override
        public void refused(String statusLine) {
            fail(statusLine);
        }

        @Override
        public void comment() {
            if (!open) {
                open = true;
                opened.countDown();
            }
        }

        @Override
        public void event(Buffer block) {
            long at = System.nanoTime();
            sink.event(index, block, at);
        }

        private void fail(String why) {
            if (failure == null) {
                failure = why;
                if (!open) {
                    open = true;
                    opened.countDown();
                }
            }
        }

        void close() {
            if (socket != null) {
                socket.close();
            }
        }
    }

    static void jcmd(Process app, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(app.pid())));
        line.addAll(List.of(command));
        new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(60, TimeUnit.SECONDS);
    }
}
