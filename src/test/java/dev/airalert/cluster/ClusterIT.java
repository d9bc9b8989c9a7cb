package dev.airalert.cluster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.airalert.MachineCommands;
import dev.airalert.PackagedApp;
import dev.airalert.TestAlerts;
import dev.airalert.feed.FeedServer;
import dev.airalert.messaging.TestRabbit;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two packaged instances on different ports, sharing one PostgreSQL database and the real
 * brokers, as replicas behind a load balancer would: work is shared without duplicates,
 * nothing is lost when one is killed in the middle of a fan-out, a database restart gives
 * clean 503s and heals by itself, a broker restart loses no message, a feed is polled once
 * between them and taken once across restarts, and a stream on one
 * instance carries what was published through the other. Each test works in a region of its
 * own, with its own subscriptions and sender.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    private static final String ADMIN_KEY = "cluster-test-admin-key-" + UUID.randomUUID();
    private static final String DATABASE = "airalert_cluster_test";
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=";

    private PackagedApp a;
    private PackagedApp b;
    private String publisher;

    @BeforeAll
    void startTwoInstances() throws Exception {
        try (Connection c = server();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + DATABASE);
        }
        // The first one migrates the schema; the second finds it done. The second polls the
        // event log for its streams only hourly, so that what its streams carry from the
        // first came through PostgreSQL's notifications.
        a = instance().start();
        b = instance().env("AIRALERT_STREAM_POLL_INTERVAL", "1h").start();
        publisher = a.createKey("cluster publisher", "publisher");
    }

    private static PackagedApp instance() throws Exception {
        return PackagedApp.production(POSTGRES + DATABASE, ADMIN_KEY)
                .env("AIRALERT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8")
                .env("AIRALERT_WEBHOOKS_RETRY_SCHEDULE", "500ms,1s,2s")
                .env("AIRALERT_MESSAGING_RABBITMQ_ENABLED", "true").env("RABBITMQ_HOST", "127.0.0.1")
                .env("AIRALERT_MESSAGING_MQTT_ENABLED", "true").env("MQTT_HOST", "127.0.0.1")
                .env("AIRALERT_MESSAGING_KAFKA_ENABLED", "true").env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    }

    @AfterAll
    void stopBoth() throws Exception {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
    }

    @Test
    void aReplicaWithAnotherMasterKeyRefusesToStartRatherThanWriteSecretsTheOthersCannotRead() throws Exception {
        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        PackagedApp stranger = instance().env("AIRALERT_SECURITY_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(other));
        try {
            AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, stranger::start);
            assertTrue(refused.getMessage().contains("The master key is not the one"), refused.getMessage());
        } finally {
            stranger.stop();
        }
    }

    @Test
    void workIsSharedAndNoDeliveryIsMadeTwice() throws Exception {
        int subscriptions = 2_000;
        int alerts = 50;
        String sender = TestAlerts.uniqueSender();
        try (CountingReceiver receiver = new CountingReceiver()) {
            String owner = subscribe(receiver, subscriptions, "UA-05");
            try {
                long start = System.nanoTime();
                for (int i = 0; i < alerts; i++) {
                    publish(i % 2 == 0 ? a : b, sender, "shared-" + i, "UA-05").then().statusCode(201);
                }
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                        .until(() -> receiver.pairs() >= subscriptions * alerts);
                // Late duplicates would come within the retry schedule: none for 2 s.
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                        .until(() -> receiver.duplicates() == 0);
                System.out.printf("Two instances, %d subscriptions x %d alerts: %d pairs, %d requests, %d duplicates,"
                        + " the last after %.1f s%n", subscriptions, alerts, receiver.pairs(), receiver.requests(),
                        receiver.duplicates(), seconds(receiver.lastAt() - start));
                assertEquals(subscriptions * alerts, receiver.pairs(), "every subscription has every event");
                assertEquals(0, receiver.duplicates(), "no delivery was made twice while both instances lived");
            } finally {
                unsubscribe(owner);
            }
        }
    }

    @Test
    void nothingIsLostWhenAnInstanceIsKilledInTheMiddleOfAFanOut() throws Exception {
        int subscriptions = 10_000;
        String sender = TestAlerts.uniqueSender();
        // A receiver that takes 100 ms an answer makes the fan-out last a few seconds.
        try (CountingReceiver receiver = new CountingReceiver().delaying(100)) {
            String owner = subscribe(receiver, subscriptions, "UA-07");
            try {
                long start = System.nanoTime();
                publish(a, sender, "crash-1", "UA-07").then().statusCode(201);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                        .until(() -> receiver.pairs() >= subscriptions / 5);
                // Either instance may have claimed the event (both are woken by its commit):
                // the one holding the connections to the receiver is the one to kill.
                PackagedApp victim = fanningOut(receiver);
                victim.kill();
                int atKill = receiver.pairs();
                double killedAfter = seconds(System.nanoTime() - start);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> receiver.pairs() >= subscriptions);
                double completedAfter = seconds(receiver.lastAt() - start);
                victim.start();
                // Then everything settles: deliveries the killed instance had sent but not recorded
                // go out once more when their lease (request timeout + 30 s) runs out, whichever
                // instance takes them; nothing else is left to do.
                AtomicLong requests = new AtomicLong(-1);
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                        .until(() -> requests.getAndSet(receiver.requests()) == receiver.requests());
                System.out.printf("kill -9 during a fan-out to %d subscriptions: killed the instance %s at %d delivered"
                        + " (%.1f s); all %d delivered after %.1f s, %d requests, %d duplicates; restarted instance ready%n",
                        subscriptions, victim == a ? "that took the publish" : "that did not take the publish", atKill,
                        killedAfter, receiver.pairs(), completedAfter, receiver.requests(), receiver.duplicates());
                assertEquals(subscriptions, receiver.pairs(), "every subscription has the event");
                assertTrue(receiver.duplicates() <= atKill,
                        "duplicates are bounded by what the killed instance had under way: " + receiver.duplicates());
            } finally {
                unsubscribe(owner);
            }
        }
    }

    @Test
    void twoReplicasPollAFeedOnceBetweenThemAndARestartTakesNothingTwice() throws Exception {
        String sender = "feed-cluster-" + UUID.randomUUID() + "@example.org";
        String cap12 = "urn:oasis:names:tc:emergency:cap:1.2";
        try (FeedServer server = new FeedServer()) {
            for (int i = 0; i < 3; i++) {
                server.publish("c" + i, FeedServer.kyivAlert(cap12, sender, "feed-" + i + "-" + UUID.randomUUID()));
            }
            String key = given().auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON)
                    .body(Map.of("name", "feed key", "holder", "feed key", "roles", List.of("publisher"),
                            "senders", List.of(sender)))
                    .post(a.base() + "/api/v1/api-keys").then().statusCode(201).extract().path("id");
            String feed = given().auth().oauth2(ADMIN_KEY).contentType(ContentType.JSON)
                    .body(Map.of("url", server.indexUrl(), "format", "atom", "pollIntervalSeconds", 5, "publisherKey", key))
                    .post(a.base() + "/api/v1/feeds").then().statusCode(201).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> feedStatus(b, feed).getLong("status.messages.ingested") == 3);
            long watchFrom = System.nanoTime();
            // Both replicas look for due feeds every second; the feed is due every 5 s. For 11 s the
            // polls stay at one per interval between them (each replica polling would be twice that).
            await().during(Duration.ofSeconds(11)).atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(500))
                    .until(() -> server.indexRequests() <= (long) (seconds(System.nanoTime() - watchFrom) / 5) + 3);
            io.restassured.path.json.JsonPath status = feedStatus(b, feed);
            double watched = seconds(System.nanoTime() - watchFrom);
            long polls = status.getLong("status.polls");
            System.out.printf("Two replicas polling one feed every 5 s: %d polls, %d index requests (%d answered 304)"
                    + " from its first poll until %.1f s after its messages were in%n", polls, server.indexRequests(),
                    server.notModified(), watched);
            assertEquals(polls, server.indexRequests(), "every poll is one request, whichever replica made it");
            assertTrue(polls <= (long) (watched / 5) + 3, "once per interval between them, not once each: " + polls);
            for (int i = 0; i < 3; i++) {
                assertEquals(1, server.requests("/cap/c" + i + ".xml"), "message c" + i + " fetched once");
            }

            // Both stop; the feed grows meanwhile; a restart takes the new message and nothing twice.
            a.stop();
            b.stop();
            server.publish("c3", FeedServer.kyivAlert(cap12, sender, "feed-3-" + UUID.randomUUID()));
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> feedStatus(a, feed).getLong("status.messages.ingested") == 4);
            for (int i = 0; i < 4; i++) {
                assertEquals(1, server.requests("/cap/c" + i + ".xml"), "message c" + i + " fetched once, restart or not");
            }
            given().queryParam("sender", sender).get(a.base() + "/api/v1/alerts").then().statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.equalTo(4));
        }
    }

    private static io.restassured.path.json.JsonPath feedStatus(PackagedApp instance, String feed) {
        return given().auth().oauth2(ADMIN_KEY).get(instance.base() + "/api/v1/feeds/" + feed).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aDatabaseRestartFailsPublishesCleanlyAndHealsByItself() throws Exception {
        String version = postgresVersion();
        assumeTrue(version != null, "needs this machine's PostgreSQL cluster (pg_ctlcluster) to restart it");
        String sender = TestAlerts.uniqueSender();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        Map<String, String> bodies = new ConcurrentHashMap<>();
        List<String> missingRetryAfter = new CopyOnWriteArrayList<>();
        AtomicBoolean publishing = new AtomicBoolean(true);
        ExecutorService loop = Executors.newSingleThreadExecutor();
        boolean sawNotReady;
        try {
            Future<?> publisherLoop = loop.submit(() -> {
                for (int i = 0; publishing.get(); i++) {
                    String id = "db-restart-" + i;
                    bodies.put(id, alert(sender, id, "UA-09"));
                    Response r = publish(i % 2 == 0 ? a : b, bodies.get(id));
                    statuses.put(id, r.statusCode());
                    if (r.statusCode() == 503 && r.header("Retry-After") == null) {
                        missingRetryAfter.add(id);
                    }
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses.size() >= 10);
            pgctl(version, "stop", "-m", "fast");
            try {
                sawNotReady = awaitStatus(a, 503, Duration.ofSeconds(30)) && awaitStatus(b, 503, Duration.ofSeconds(30));
                await().atMost(Duration.ofSeconds(30)).until(() -> statuses.values().stream().filter(x -> x == 503).count() >= 2);
            } finally {
                pgctl(version, "start");
            }
            assertTrue(awaitStatus(a, 200, Duration.ofSeconds(60)) && awaitStatus(b, 200, Duration.ofSeconds(60)),
                    "both instances are ready again by themselves");
            int beforeRecovery = statuses.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses.size() >= beforeRecovery + 10);
            publishing.set(false);
            publisherLoop.get(60, TimeUnit.SECONDS);
        } finally {
            publishing.set(false);
            loop.shutdownNow();
            if (version != null && !postgresAnswers()) {
                pgctl(version, "start");
            }
        }
        long accepted = statuses.values().stream().filter(s -> s == 201).count();
        long refused = statuses.values().stream().filter(s -> s == 503).count();
        System.out.printf("PostgreSQL restart during publishing: %d publishes, %d stored (201), %d refused (503)%n",
                statuses.size(), accepted, refused);
        assertTrue(sawNotReady, "readiness reports DOWN while the database is away");
        assertEquals(Set.of(201, 503), new HashSet<>(statuses.values()), "only 201 or 503, never a 500: " + statuses);
        assertEquals(List.of(), missingRetryAfter, "every 503 says when to try again");
        // Nothing half-written: every 201 is stored whole; a refused one is absent or whole
        // (publishing it again is then a 201 or an identical repeat, never a conflict).
        Set<String> stored = storedIdentifiers(sender);
        statuses.forEach((id, status) -> {
            if (status == 201) {
                assertTrue(stored.contains(id), id + " was accepted and is stored");
            } else {
                publish(a, bodies.get(id)).then().statusCode(stored.contains(id) ? 200 : 201);
            }
        });
    }

    @Test
    void aBrokerRestartLosesNoMessage() throws Exception {
        int alerts = 200;
        String sender = TestAlerts.uniqueSender();
        String queue = TestRabbit.queue("alert.UA.UA-12.#");
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> burst = new ArrayList<>();
            for (int i = 0; i < alerts; i++) {
                PackagedApp target = i % 2 == 0 ? a : b;
                String id = "broker-restart-" + i;
                burst.add(publishers.submit(() -> publish(target, sender, id, "UA-12").statusCode()));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> burst.stream().filter(Future::isDone).count() >= alerts / 4);
            TestRabbit.ctl("stop_app");
            try {
                assertTrue(awaitStatus(a, 503, Duration.ofSeconds(20)), "readiness reports the broker away");
            } finally {
                TestRabbit.ctl("start_app");
            }
            for (Future<Integer> f : burst) {
                assertEquals(201, f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            publishers.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> rabbitBacklog() == 0);
        List<String> consumed = TestRabbit.drainIdentifiers(queue);
        Set<String> distinct = new HashSet<>(consumed);
        System.out.printf("RabbitMQ restart during %d alerts on two instances: %d messages, %d distinct, %d duplicates%n",
                alerts, consumed.size(), distinct.size(), consumed.size() - distinct.size());
        assertEquals(alerts, distinct.size(), "every alert reached the consumer");
    }

    @Test
    void aStreamOnOneInstanceCarriesAlertsPublishedThroughTheOther() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<?> stream = openStream(b.base() + "/api/v1/alerts/stream?region=UA-14", lines);
        try {
            String id = publish(a, TestAlerts.uniqueSender(), "stream-1", "UA-14").then().statusCode(201)
                    .extract().path("id");
            long published = System.nanoTime();
            awaitData(lines, id, Duration.ofSeconds(10));
            System.out.printf("A stream on one instance had the alert published through the other %.0f ms after the 201%n",
                    (System.nanoTime() - published) / 1e6);
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void theStacksLoadBalancerPassesStreamsThroughAndSurvivesAReplica() throws Exception {
        assumeTrue(MachineCommands.onPath("haproxy"), "needs haproxy (the set-up installs Debian's package)");
        int port = MachineCommands.freePort();
        // docker/haproxy.cfg as it is, but for the addresses (here the replicas are local
        // processes, and there is no Docker DNS to resolve their names) and a connection
        // limit within this machine's open-files limit.
        String config = Files.readString(Path.of("docker/haproxy.cfg"))
                .replace("maxconn 20000", "maxconn 4000")
                .replace("bind :8080", "bind 127.0.0.1:" + port)
                .replace("server airalert-1 airalert-1:8080", "server airalert-1 127.0.0.1:" + a.port())
                .replace("server airalert-2 airalert-2:8080", "server airalert-2 127.0.0.1:" + b.port())
                .replace(" resolvers docker", "")
                .replaceAll("(?m)^resolvers docker\\n(    .*\\n)*", "");
        Path file = Files.createTempFile("airalert-haproxy", ".cfg");
        Files.writeString(file, config);
        Process haproxy = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(file.resolveSibling(file.getFileName() + ".log").toFile()).start();
        String balancer = "http://127.0.0.1:" + port;
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<?> stream = null;
        try {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> given().get(balancer + "/q/health/ready").statusCode() == 200);
            stream = openStream(balancer + "/api/v1/alerts/stream?region=UA-18", lines);
            String id = given().auth().oauth2(publisher).contentType(ContentType.JSON)
                    .body(alert(TestAlerts.uniqueSender(), "balanced-1", "UA-18"))
                    .post(balancer + "/api/v1/alerts").then().statusCode(201).extract().path("id");
            long published = System.nanoTime();
            // One small event: a buffering proxy would hold it back until much more came.
            awaitData(lines, id, Duration.ofSeconds(5));
            System.out.printf("Through HAProxy (docker/haproxy.cfg): the event reached the stream %.0f ms after the 201%n",
                    (System.nanoTime() - published) / 1e6);

            // One replica dies: publishing through the balancer goes on without a failure
            // (a refused connection is retried on the other replica at once).
            a.kill();
            String sender = TestAlerts.uniqueSender();
            for (int i = 0; i < 20; i++) {
                given().auth().oauth2(publisher).contentType(ContentType.JSON)
                        .body(alert(sender, "balanced-after-kill-" + i, "UA-18"))
                        .post(balancer + "/api/v1/alerts").then().statusCode(201);
            }
            a.start();
        } finally {
            if (stream != null) {
                stream.cancel(true);
            }
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ---- helpers ----

    /** Opens an SSE stream collecting its lines; returns once the stream's first comment came. */
    private static CompletableFuture<?> openStream(String url, List<String> lines) {
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(url)).header("accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(20)).until(() -> lines.stream().anyMatch(l -> l.startsWith(":")));
        return stream;
    }

    private static void awaitData(List<String> lines, String text, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(5))
                .until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(text)));
    }

    /** The instance with the most connections open to the receiver, by the machine's ss. */
    private PackagedApp fanningOut(CountingReceiver receiver) throws Exception {
        String out = MachineCommands.run("ss", "-Htnp", "state", "established", "( dport = :" + receiver.port() + " )");
        Matcher pid = Pattern.compile("pid=(\\d+)").matcher(out);
        long fromA = 0;
        long fromB = 0;
        while (pid.find()) {
            long owner = Long.parseLong(pid.group(1));
            fromA += owner == a.pid() ? 1 : 0;
            fromB += owner == b.pid() ? 1 : 0;
        }
        assertTrue(fromA + fromB > 0, "ss shows the connections to the receiver:\n" + out);
        return fromB > fromA ? b : a;
    }

    private Response publish(PackagedApp instance, String sender, String identifier, String region) {
        return publish(instance, alert(sender, identifier, region));
    }

    private Response publish(PackagedApp instance, String alert) {
        return given().auth().oauth2(publisher).contentType(ContentType.JSON).body(alert)
                .post(instance.base() + "/api/v1/alerts");
    }

    private static String alert(String sender, String identifier, String region) {
        return TestAlerts.kyivAirRaid(sender, identifier).replace("UA-30", region);
    }

    /** Subscriptions written straight into the shared database (their set-up is not what is tested). */
    private static String subscribe(CountingReceiver receiver, int count, String region) throws Exception {
        String owner = "cluster-test-" + UUID.randomUUID();
        try (Connection c = database()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO subscription (id, owner, url, events, urgencies, certainties, statuses, languages,
                                              secret, enabled, created_at, updated_at)
                    SELECT gen_random_uuid(), ?, ? || g, '', '', '', 'Actual', '', ?, TRUE, now(), now()
                    FROM generate_series(0, ? - 1) g""")) {
                s.setString(1, owner);
                s.setString(2, receiver.base());
                s.setString(3, SECRET);
                s.setInt(4, count);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO subscription_region (subscription_id, region_code)"
                    + " SELECT id, ? FROM subscription WHERE owner = ?")) {
                s.setString(1, region);
                s.setString(2, owner);
                s.executeUpdate();
            }
        }
        return owner;
    }

    private static void unsubscribe(String owner) throws Exception {
        try (Connection c = database();
                PreparedStatement regions = c.prepareStatement("DELETE FROM subscription_region WHERE subscription_id IN"
                        + " (SELECT id FROM subscription WHERE owner = ?)");
                PreparedStatement subscriptions = c.prepareStatement("DELETE FROM subscription WHERE owner = ?")) {
            regions.setString(1, owner);
            regions.executeUpdate();
            subscriptions.setString(1, owner);
            subscriptions.executeUpdate();
        }
    }

    private static Set<String> storedIdentifiers(String sender) throws Exception {
        Set<String> identifiers = new HashSet<>();
        try (Connection c = database();
                PreparedStatement s = c.prepareStatement("SELECT identifier FROM alert WHERE sender = ?")) {
            s.setString(1, sender);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    identifiers.add(rs.getString(1));
                }
            }
        }
        return identifiers;
    }

    private static long rabbitBacklog() throws Exception {
        try (Connection c = database();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM broker_outbox WHERE connector = 'rabbitmq'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Polls the instance's readiness until it answers this status; false when the time ran out. */
    private static boolean awaitStatus(PackagedApp instance, int status, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> given().get(instance.base() + "/q/health/ready").statusCode() == status);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /** The version of this machine's PostgreSQL cluster, when pg_ctlcluster can manage it. */
    private static String postgresVersion() throws Exception {
        Path clusters = Path.of("/etc/postgresql");
        if (!Files.isDirectory(clusters) || !MachineCommands.onPath("pg_ctlcluster")) {
            return null;
        }
        try (Stream<Path> versions = Files.list(clusters)) {
            return versions.map(p -> p.getFileName().toString()).sorted().reduce((x, y) -> y).orElse(null);
        }
    }

    private static boolean postgresAnswers() {
        try (Connection c = server()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private static void pgctl(String version, String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main"));
        command.addAll(List.of(action));
        MachineCommands.run(command);
    }

    /** The shared database the instances run on. */
    private static Connection database() throws SQLException {
        return DriverManager.getConnection(POSTGRES + DATABASE, "postgres", "");
    }

    /** The server's maintenance database, for creating and dropping the shared one. */
    private static Connection server() throws SQLException {
        return DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
