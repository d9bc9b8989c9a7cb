import com.interaso.webpush.CryptoKt;
import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web Push fan-out benchmark. N push subscriptions (default 10,000) for Kyiv city (UA-30),
 * each with its own endpoint on a stand-in push service in this process (a Vert.x server on
 * 127.0.0.1 answering 201 to {@code POST /push/<n>}) and its own P-256 key and auth secret,
 * created through {@code POST /api/v1/push/subscriptions}. Each round publishes one Kyiv alert
 * and times, from the publish's 201, the arrival of the N-th distinct push message.
 *
 * <p>The first alert after the service is ready is measured on its own: nothing warms the
 * service's push path before it (creating the subscriptions warms its HTTP and database
 * paths, as a running service's would be). Then a few more alerts (default 3).
 *
 * <p>Next to each, in the same run, a baseline doing the same work with nothing of the service
 * in it: the same code (the service's {@code Aes128Gcm}: BouncyCastle's key pair and ECDH, a fresh
 * key per recipient, the JDK's HMAC and AES-GCM) encrypts the plaintext the service sent (decrypted here from a message it sent,
 * so the same size) for the same N subscribers' keys, on a fixed pool of
 * {@code availableProcessors()} threads as the service does, and the same HTTP client library
 * (Vert.x, pooled keep-alive) posts each body with the same VAPID, TTL, Urgency and Topic
 * headers to the same endpoints with the same concurrency (the service's limit per push service,
 * {@code airalert.push.per-service-concurrency}, set to the bench's concurrency: 128 by default). Before every
 * phase the bench waits until the service's CPU is idle, so that the service's work after the
 * last push (recording outcomes) does not fall on the baseline. Ratio = baseline time /
 * service time (target at least 0.6); target: the N-th push within 8 s of the 201.
 *
 * <p>Last, the cost of the encryption alone in this JVM: {@code getBody} per call on one
 * thread, split into the library's own steps, and the rate on the pool.
 *
 * <p>Run by bench/push-fanout.sh, which builds the package, compiles the benchmarks with
 * bench/BenchApp.java and runs
 *
 * <pre>
 * java -cp "target/bench:target/quarkus-app/lib/main/*" PushFanoutBench &lt;jdbc-url&gt; &lt;subscriptions&gt; &lt;concurrency&gt; &lt;more-alerts&gt;
 * java -cp ... PushFanoutBench --baseline-only &lt;subscriptions&gt; &lt;concurrency&gt; &lt;rounds&gt; [plaintext-bytes]
 * </pre>
 *
 * The second form runs the baseline alone (no service, a plaintext of that many bytes,
 * default 900), to profile the encryption and the client without the service.
 * With BENCH_JFR set, the service also runs with a JFR recording in target/bench-push-service.jfr.
 */
public class PushFanoutBench {

    static final String LOG = "target/bench-push-app.log";
    static final String REGION = "UA-30";
    static final double TARGET_SECONDS = 8.0;
    static final double TARGET_RATIO = 0.6;
    /** A round that has not got every push by then is reported as incomplete. */
    static final int ROUND_TIMEOUT_SECONDS = 120;
    /** BouncyCastle's JCA provider, when on the class path (the tests' libraries have it). */
    static final String BC = "org.bouncycastle.jce.provider.BouncyCastleProvider";
    /** Requests in flight while creating the subscriptions (not what is measured). */
    static final int CREATE_IN_FLIGHT = 16;

    public static void main(String[] args) throws Exception {
        // The library asks the JCA for "EC" and "ECDH" by name: whichever provider comes first.
        // A service that puts BouncyCastle first is matched with BENCH_EC_PROVIDER=BC.
        if ("BC".equalsIgnoreCase(System.getenv("BENCH_EC_PROVIDER"))) {
            Security.insertProviderAt(bouncyCastle(), 1);
        }
        if (args.length > 0 && args[0].equals("--baseline-only")) {
            baselineOnly(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : 900);
            System.exit(0);
        }
        String jdbcUrl = args[0];
        int n = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int more = Integer.parseInt(args[3]);

        Subscribers subscribers = Subscribers.generate(n);
        Receiver receiver = new Receiver(n);
        String origin = "http://127.0.0.1:" + receiver.port;
        int appPort = BenchApp.freePort();
        Map<String, String> settings = new LinkedHashMap<>(Map.of(
                "AIRALERT_PUSH_SERVICES", "http://127.0.0.1:",
                "AIRALERT_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8",
                "AIRALERT_PUSH_PER_SERVICE_CONCURRENCY", Integer.toString(concurrency),
                "AIRALERT_PUSH_SUBSCRIPTIONS_PER_MINUTE", "1000000",
                "AIRALERT_PUSH_MAX_SUBSCRIPTIONS", "10000000"));
        if (System.getenv("BENCH_JFR") != null) {
            settings.put("JAVA_TOOL_OPTIONS",
                    "-XX:StartFlightRecording=filename=target/bench-push-service.jfr,settings=profile");
        }
        Process app = BenchApp.start(jdbcUrl, appPort, LOG, settings);
        BenchApp.stopOnExit(app);
        ExecutorService encryptors = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + appPort;
            BenchApp.waitReady(http, base, LOG);
            System.out.printf("service ready on %s; stand-in push service on %s; %d cores%n", base, origin,
                    Runtime.getRuntime().availableProcessors());
            String regions = get(http, base + "/api/v1/regions?q=Kyiv").body();
            System.out.printf("GET /api/v1/regions?q=Kyiv names %s: %s%n", REGION,
                    regions.contains("\"" + REGION + "\"") ? "yes" : "NO: " + abbreviate(regions, 300));
            HttpResponse<String> vapid = get(http, base + "/api/v1/push/vapid-public-key");
            if (vapid.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/push/vapid-public-key answered " + vapid.statusCode()
                        + ": is the push API in this build?");
            }
            String vapidKey = vapid.body().replaceAll("(?s).*\"publicKey\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String publisher = BenchApp.createPublisherKey(http, base);

            long c0 = System.nanoTime();
            createSubscriptions(http, base, subscribers, origin);
            System.out.printf("created %d push subscriptions for %s through the API in %.1f s%n", n, REGION,
                    (System.nanoTime() - c0) / 1e9);

            // The same library as the service, with keys of the baseline's own: it signs the
            // same claims, and the stand-in does not check whose key signed.
            WebPush webPush = new WebPush("mailto:bench@airalert.test", VapidKeys.generate());
            io.vertx.core.http.HttpClient client = receiver.vertx.createHttpClient(
                    new io.vertx.core.http.HttpClientOptions().setKeepAlive(true),
                    new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));

            List<Row> rows = new ArrayList<>();
            byte[] plaintext = null;
            Map<String, String> pushHeaders = null;
            for (int round = 0; round <= more; round++) {
                Row row = new Row(round + 1);
                // The first alert before anything else; then the order alternates, so that
                // the machine's drift falls on both sides alike.
                boolean serviceFirst = round % 2 == 0;
                for (int phase = 0; phase < 2; phase++) {
                    if ((phase == 0) == serviceFirst) {
                        serviceRound(http, base, publisher, app, receiver, n, row);
                        if (plaintext == null) {
                            Sample sample = receiver.sample();
                            if (sample == null) {
                                throw new IllegalStateException("the stand-in received no push message");
                            }
                            plaintext = describeSample(sample, subscribers, vapidKey, origin);
                            pushHeaders = sample.headers;
                        }
                    } else {
                        baselineRound(webPush, client, encryptors, app, receiver, subscribers, plaintext,
                                pushHeaders, origin, concurrency, row);
                    }
                }
                rows.add(row);
                System.out.println(row.progress());
            }
            printTable(rows, n, concurrency);
            cost(webPush, subscribers, plaintext, encryptors, origin);
        } finally {
            encryptors.shutdownNow();
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
            receiver.stop();
        }
        System.exit(0);
    }

    /** The figures of one alert and the baseline next to it. */
    static final class Row {
        final int alert;
        long publishMs;
        double service = Double.NaN;
        double serviceFirst = Double.NaN;
        int serviceReceived;
        double serviceCpu = Double.NaN;
        double receiverCpu = Double.NaN;
        double baseline = Double.NaN;
        int baselineReceived;
        double baselineCpu = Double.NaN;
        String odd = "";

        Row(int alert) {
            this.alert = alert;
        }

        double ratio() {
            return baseline / service;
        }

        String progress() {
            return String.format("alert #%d: service %.2f s (201 in %d ms, first push after %.3f s, %d received, "
                    + "service CPU %.1f s), baseline %.2f s (%d received), ratio %.2f%s",
                    alert, service, publishMs, serviceFirst, serviceReceived, serviceCpu, baseline, baselineReceived,
                    ratio(), odd);
        }
    }

    /** Publishes a Kyiv alert; the time from its 201 until the stand-in has one push for every subscription. */
    static void serviceRound(HttpClient http, String base, String publisher, Process app, Receiver receiver, int n,
            Row row) throws Exception {
        settle(app);
        receiver.expect(false);
        double appCpu0 = BenchApp.cpuSeconds(app);
        double benchCpu0 = benchCpuSeconds();
        long t0 = System.nanoTime();
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                .header("authorization", "Bearer " + publisher).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BenchApp.kyivAlert("bench-push-" + System.nanoTime())))
                .build(), HttpResponse.BodyHandlers.ofString());
        long t201 = System.nanoTime();
        row.publishMs = (t201 - t0) / 1_000_000;
        if (published.statusCode() != 201) {
            throw new IllegalStateException("publish answered " + published.statusCode() + ": " + published.body());
        }
        boolean all = receiver.await(ROUND_TIMEOUT_SECONDS);
        row.receiverCpu = benchCpuSeconds() - benchCpu0;
        row.serviceReceived = receiver.count();
        row.serviceFirst = receiver.count() == 0 ? Double.NaN : (receiver.firstAt() - t201) / 1e9;
        row.service = all ? (receiver.lastAt() - t201) / 1e9 : Double.NaN;
        if (!all) {
            row.odd += String.format("; service: only %d of %d pushes within %d s", receiver.count(), n,
                    ROUND_TIMEOUT_SECONDS);
        }
        settle(app);
        row.serviceCpu = BenchApp.cpuSeconds(app) - appCpu0;
        row.odd += receiver.oddities("service");
    }

    /**
     * The same work without the service: encrypt the plaintext for every subscriber with the
     * library on a pool of availableProcessors() threads, post each body with the VAPID
     * headers through Vert.x with at most {@code concurrency} requests in flight (a request
     * holds its slot from the start of its encryption to its answer); the time from the start
     * until the stand-in has them all.
     */
    static void baselineRound(WebPush webPush, io.vertx.core.http.HttpClient client, ExecutorService encryptors,
            Process app, Receiver receiver, Subscribers subscribers, byte[] plaintext, Map<String, String> pushHeaders,
            String origin, int concurrency, Row row) throws Exception {
        settle(app);
        receiver.expect(true);
        double benchCpu0 = benchCpuSeconds();
        long t0 = System.nanoTime();
        sendBaseline(webPush, client, encryptors, subscribers, plaintext, pushHeaders, origin, concurrency);
        boolean all = receiver.await(ROUND_TIMEOUT_SECONDS);
        // The stand-in's own share, as measured while the service was sending, is taken off.
        row.baselineCpu = benchCpuSeconds() - benchCpu0 - (Double.isNaN(row.receiverCpu) ? 0 : row.receiverCpu);
        row.baselineReceived = receiver.count();
        row.baseline = all ? (receiver.lastAt() - t0) / 1e9 : Double.NaN;
        if (!all) {
            row.odd += String.format("; baseline: only %d of %d within %d s", receiver.count(), subscribers.size(),
                    ROUND_TIMEOUT_SECONDS);
        }
        row.odd += receiver.oddities("baseline");
    }

    static void sendBaseline(WebPush webPush, io.vertx.core.http.HttpClient client, ExecutorService encryptors,
            Subscribers subscribers, byte[] plaintext, Map<String, String> pushHeaders, String origin,
            int concurrency) throws InterruptedException {
        // One VAPID token per push service origin and round (an ES256 signature), as a sender
        // that keeps its tokens for their lifetime has at most.
        String token = webPush.getToken(origin, 12 * 3600);
        Map<String, String> headers = new LinkedHashMap<>(webPush.getHeadersWithToken(token,
                intOrNull(pushHeaders.get("ttl")), pushHeaders.get("topic"), urgency(pushHeaders.get("urgency"))));
        headers.put("x-bench-baseline", "1");
        int port = Integer.parseInt(origin.substring(origin.lastIndexOf(':') + 1));
        Semaphore slots = new Semaphore(concurrency);
        for (int i = 0; i < subscribers.size(); i++) {
            slots.acquire();
            int recipient = i;
            encryptors.execute(() -> {
                byte[] body;
                try {
                    body = dev.airalert.delivery.Aes128Gcm.encrypt(plaintext, subscribers.p256dh[recipient],
                            subscribers.auth[recipient]);
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
                post(client, port, "/push/" + recipient, body, headers, slots);
            });
        }
    }

    /** One push request with the Vert.x client; a failed one is sent again at once, as a sender would retry it. */
    static void post(io.vertx.core.http.HttpClient client, int port, String path, byte[] body,
            Map<String, String> headers, Semaphore slots) {
        client.request(io.vertx.core.http.HttpMethod.POST, port, "127.0.0.1", path)
                .compose(r -> {
                    headers.forEach(r::putHeader);
                    return r.send(io.vertx.core.buffer.Buffer.buffer(body));
                })
                .compose(r -> r.body().map(b -> r.statusCode()))
                .onComplete(result -> {
                    if (result.failed() || result.result() >= 300) {
                        post(client, port, path, body, headers, slots);
                    } else {
                        slots.release();
                    }
                });
    }

    /** The baseline alone: no service, a plaintext of the given size. */
    static void baselineOnly(int n, int concurrency, int rounds, int plaintextBytes) throws Exception {
        Subscribers subscribers = Subscribers.generate(n);
        Receiver receiver = new Receiver(n);
        String origin = "http://127.0.0.1:" + receiver.port;
        ExecutorService encryptors = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        WebPush webPush = new WebPush("mailto:bench@airalert.test", VapidKeys.generate());
        io.vertx.core.http.HttpClient client = receiver.vertx.createHttpClient(
                new io.vertx.core.http.HttpClientOptions().setKeepAlive(true),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
        byte[] plaintext = new byte[plaintextBytes];
        Arrays.fill(plaintext, (byte) 'x');
        Map<String, String> headers = Map.of("ttl", "86400", "urgency", "high", "topic", "0123456789abcdef0123456789abcdef");
        System.out.printf("baseline alone: %d recipients, %d-byte plaintext, %d in flight, %d encryption threads, "
                + "EC provider %s%n", n, plaintextBytes, concurrency, Runtime.getRuntime().availableProcessors(),
                KeyPairGenerator.getInstance("EC").getProvider().getName());
        for (int round = 1; round <= rounds; round++) {
            receiver.expect(true);
            double cpu0 = benchCpuSeconds();
            long t0 = System.nanoTime();
            sendBaseline(webPush, client, encryptors, subscribers, plaintext, headers, origin, concurrency);
            boolean all = receiver.await(ROUND_TIMEOUT_SECONDS);
            System.out.printf("round %d: %s s, %d received, CPU %.2f s (stand-in included)%s%n", round,
                    all ? String.format("%.2f", (receiver.lastAt() - t0) / 1e9) : "incomplete", receiver.count(),
                    benchCpuSeconds() - cpu0, receiver.oddities("baseline"));
        }
        Sample sample = receiver.sample();
        byte[] decrypted = decrypt(sample.body, subscribers.keys[sample.index], subscribers.auth[sample.index]);
        System.out.printf("sample: body %d bytes, decrypts to %d bytes (%s)%n", sample.body.length, decrypted.length,
                Arrays.equals(decrypted, plaintext) ? "the plaintext" : "NOT the plaintext");
        cost(webPush, subscribers, plaintext, encryptors, origin);
        encryptors.shutdownNow();
        receiver.stop();
    }

    static void printTable(List<Row> rows, int n, int concurrency) throws Exception {
        System.out.println();
        System.out.printf("%d push subscriptions for %s; seconds from the publish's 201 to the %d-th push received;%n",
                n, REGION, n);
        System.out.printf("baseline: the same code (the service's Aes128Gcm) encrypting the same plaintext for the"
                + " same keys on %d threads, the same client posting them, %d in flight;%n",
                Runtime.getRuntime().availableProcessors(), concurrency);
        System.out.printf("(the service: airalert.webhooks.max-in-flight at its default (256); its limit per push"
                + " service, airalert.push.per-service-concurrency, %d: every endpoint here is on one origin)%n",
                concurrency);
        System.out.printf("ratio = baseline / service (target >= %.1f); target: every push within %.0f s of the 201%n",
                TARGET_RATIO, TARGET_SECONDS);
        System.out.println("| alert | 201 ms | first push s | service s | service CPU s | baseline s | baseline CPU s | ratio | within 8 s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf("| #%d%s | %d | %.3f | %.2f | %.1f | %.2f | %.1f | %.2f%s | %s |%n", r.alert,
                    r.alert == 1 ? " (first after ready)" : "", r.publishMs, r.serviceFirst, r.service, r.serviceCpu,
                    r.baseline, r.baselineCpu, r.ratio(), r.ratio() >= TARGET_RATIO ? "" : " (below)",
                    r.service <= TARGET_SECONDS ? "yes" : "NO");
        }
        if (rows.size() > 1) {
            List<Double> service = rows.subList(1, rows.size()).stream().map(r -> r.service).toList();
            List<Double> baseline = rows.subList(1, rows.size()).stream().map(r -> r.baseline).toList();
            List<Double> ratios = rows.subList(1, rows.size()).stream().map(Row::ratio).toList();
            System.out.printf("alerts #2-#%d, medians: service %.2f s, baseline %.2f s, ratio %.2f%n", rows.size(),
                    BenchStats.median(service), BenchStats.median(baseline), BenchStats.median(ratios));
        }
        for (Row r : rows) {
            if (!r.odd.isEmpty()) {
                System.out.printf("alert #%d:%s%n", r.alert, r.odd.substring(1));
            }
        }
    }

    /**
     * What the encryption costs in this JVM (warm by now): getBody on one thread, the
     * library's own steps timed apart, then its rate on the pool the baseline uses. When
     * BouncyCastle is on the class path and not already first, the same again with it first.
     */
    static void cost(WebPush webPush, Subscribers subscribers, byte[] plaintext, ExecutorService encryptors,
            String origin) throws Exception {
        System.out.println();
        long t0 = System.nanoTime();
        String token = webPush.getToken(origin, 12 * 3600);
        double tokenUs = (System.nanoTime() - t0) / 1e3;
        System.out.printf("encryption cost in this JVM (Java %s, %d cores), WebPush.getBody of %d bytes to a %d-byte "
                + "body; the VAPID token (ES256), once per origin: %.0f us%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), plaintext.length,
                webPush.getBody(plaintext, subscribers.p256dh[0], subscribers.auth[0]).length, tokenUs);
        double perCall = cost(webPush, subscribers, plaintext, encryptors, true);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long ours0 = cpu.getCurrentThreadCpuTime();
        int calls = Math.min(1_000, subscribers.size());
        for (int i = 0; i < calls; i++) {
            dev.airalert.delivery.Aes128Gcm.encrypt(plaintext, subscribers.p256dh[i], subscribers.auth[i]);
        }
        System.out.printf("  the service's Aes128Gcm (BouncyCastle's EC by name): %.0f us CPU per body, %.2f x the"
                + " library with the JDK's provider%n", (cpu.getCurrentThreadCpuTime() - ours0) / 1e3 / calls,
                (cpu.getCurrentThreadCpuTime() - ours0) / 1e3 / calls / perCall);
        String first = KeyPairGenerator.getInstance("EC").getProvider().getName();
        Provider bc;
        try {
            bc = bouncyCastle();
        } catch (IllegalStateException absent) {
            return;
        }
        if (!first.equals("BC")) {
            Security.insertProviderAt(bc, 1);
            try {
                cost(webPush, subscribers, plaintext, encryptors, false); // once to warm it up
                double withBc = cost(webPush, subscribers, plaintext, encryptors, true);
                System.out.printf("  BouncyCastle first costs %.2f x %s's CPU per body%n", withBc / perCall, first);
            } finally {
                Security.removeProvider("BC");
            }
        }
    }

    /** Prints the cost with the providers as they are; returns the CPU microseconds per getBody. */
    static double cost(WebPush webPush, Subscribers subscribers, byte[] plaintext, ExecutorService encryptors,
            boolean print) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int calls = Math.min(1_000, subscribers.size());
        long[] step = new long[4];
        long cpu0 = threads.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            webPush.getBody(plaintext, subscribers.p256dh[i], subscribers.auth[i]);
        }
        double wallUs = (System.nanoTime() - w0) / 1e3 / calls;
        double cpuUs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / calls;
        for (int i = 0; i < calls; i++) {
            long a = System.nanoTime();
            ECPublicKey peer = CryptoKt.generatePublicKeyFromUncompressedBytes(subscribers.p256dh[i]);
            long b = System.nanoTime();
            KeyPair ephemeral = CryptoKt.generateSecp256r1KeyPair();
            long c = System.nanoTime();
            byte[] secret = CryptoKt.generateEcdhSharedSecret((ECPrivateKey) ephemeral.getPrivate(), peer);
            long d = System.nanoTime();
            // As getBody does: hkdfSha256(input, salt, info, length), three times.
            byte[] ikm = CryptoKt.hkdfSha256(secret, subscribers.auth[i], new byte[144], 32);
            byte[] salt = CryptoKt.generateSalt(16);
            byte[] cek = CryptoKt.hkdfSha256(ikm, salt, new byte[28], 16);
            byte[] nonce = CryptoKt.hkdfSha256(ikm, salt, new byte[24], 12);
            CryptoKt.encryptAesGcmNoPadding(cek, nonce, plaintext);
            long e = System.nanoTime();
            step[0] += b - a;
            step[1] += c - b;
            step[2] += d - c;
            step[3] += e - d;
        }
        int poolCalls = Math.min(4_000, subscribers.size());
        CountDownLatch done = new CountDownLatch(poolCalls);
        long p0 = System.nanoTime();
        for (int i = 0; i < poolCalls; i++) {
            int recipient = i;
            encryptors.execute(() -> {
                webPush.getBody(plaintext, subscribers.p256dh[recipient], subscribers.auth[recipient]);
                done.countDown();
            });
        }
        done.await();
        double rate = poolCalls / ((System.nanoTime() - p0) / 1e9);
        if (!print) {
            return cpuUs;
        }
        System.out.printf("  provider %s: one thread, %d calls: %.0f us CPU (%.0f us wall) per body; steps, us wall: "
                + "decode p256dh %.0f, ephemeral key pair %.0f, ECDH %.0f, HKDF x3 + salt + AES-GCM %.0f; "
                + "on the pool of %d threads: %.0f bodies/s, so %.1f s for %d recipients, encryption alone%n",
                KeyPairGenerator.getInstance("EC").getProvider().getName(), calls, cpuUs, wallUs,
                step[0] / 1e3 / calls, step[1] / 1e3 / calls, step[2] / 1e3 / calls, step[3] / 1e3 / calls,
                Runtime.getRuntime().availableProcessors(), rate, subscribers.size() / rate, subscribers.size());
        return cpuUs;
    }

    static Provider bouncyCastle() {
        try {
            return (Provider) Class.forName(BC).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("BouncyCastle (" + BC + ") is not on the class path", e);
        }
    }

    /** Prints what the service sent (one message, checked) and returns its plaintext. */
    static byte[] describeSample(Sample sample, Subscribers subscribers, String vapidKey, String origin) {
        Map<String, String> h = sample.headers;
        System.out.printf("a push from the service, to /push/%d: body %d bytes; TTL %s, Urgency %s, Topic %s, "
                + "Content-Encoding %s, Content-Type %s%n", sample.index, sample.body.length, h.get("ttl"),
                h.get("urgency"), h.get("topic"), h.get("content-encoding"), h.get("content-type"));
        String authorization = h.getOrDefault("authorization", "");
        Matcher vapid = Pattern.compile("vapid t=([^,\\s]+),\\s*k=(\\S+)").matcher(authorization);
        if (vapid.find()) {
            String[] jwt = vapid.group(1).split("\\.");
            String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8);
            System.out.printf("  Authorization: vapid, claims %s (now %d), k %s the service's public key; "
                    + "aud %s the stand-in's origin%n", claims, System.currentTimeMillis() / 1000,
                    vapid.group(2).equals(vapidKey) ? "is" : "is NOT", claims.contains("\"" + origin + "\"") ? "is" : "is NOT");
        } else {
            System.out.printf("  Authorization is not 'vapid t=..., k=...': %s%n", abbreviate(authorization, 100));
        }
        byte[] plaintext;
        try {
            plaintext = decrypt(sample.body, subscribers.keys[sample.index], subscribers.auth[sample.index]);
            System.out.printf("  decrypted (aes128gcm, RFC 8291): %d bytes of plaintext: %s%n", plaintext.length,
                    abbreviate(new String(plaintext, StandardCharsets.UTF_8), 400));
        } catch (Exception e) {
            // A body the stand-in cannot read: the baseline encrypts a plaintext of the size
            // the body implies (header 86 bytes with a 65-byte key id, delimiter 1, tag 16).
            int size = Math.max(1, sample.body.length - 103);
            System.out.printf("  COULD NOT DECRYPT it (%s); the baseline encrypts %d bytes%n", e, size);
            plaintext = new byte[size];
            Arrays.fill(plaintext, (byte) 'x');
        }
        return plaintext;
    }

    /** RFC 8291 / RFC 8188 aes128gcm, one record: the plaintext without its delimiter and padding. */
    static byte[] decrypt(byte[] body, KeyPair subscriber, byte[] auth) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        in.getInt(); // record size
        byte[] keyId = new byte[in.get() & 0xff];
        in.get(keyId);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        ECPublicKey own = (ECPublicKey) subscriber.getPublic();
        ECPublicKey sender = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, Arrays.copyOfRange(keyId, 1, 33)),
                        new BigInteger(1, Arrays.copyOfRange(keyId, 33, 65))), own.getParams()));
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(subscriber.getPrivate());
        agreement.doPhase(sender, true);
        byte[] ecdh = agreement.generateSecret();
        byte[] prkKey = hmac(auth, ecdh);
        byte[] ikm = hmac(prkKey, concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uncompressed(own),
                keyId, new byte[] {1}));
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII),
                new byte[] {1})), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                new byte[] {1})), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalStateException("no last-record delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] p : parts) {
            out.put(p);
        }
        return out.array();
    }

    /** 0x04 || X || Y, 65 bytes. */
    static byte[] uncompressed(ECPublicKey key) {
        return concat(new byte[] {4}, fixed(key.getW().getAffineX()), fixed(key.getW().getAffineY()));
    }

    static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    /** The browsers' side: a P-256 key pair and a 16-byte auth secret per subscription. */
    static final class Subscribers {
        final KeyPair[] keys;
        final byte[][] p256dh;
        final byte[][] auth;

        private Subscribers(int n) {
            keys = new KeyPair[n];
            p256dh = new byte[n][];
            auth = new byte[n][];
        }

        static Subscribers generate(int n) throws Exception {
            Subscribers s = new Subscribers(n);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < n; i++) {
                s.keys[i] = generator.generateKeyPair();
                s.p256dh[i] = uncompressed((ECPublicKey) s.keys[i].getPublic());
                s.auth[i] = new byte[16];
                random.nextBytes(s.auth[i]);
            }
            return s;
        }

        int size() {
            return keys.length;
        }

        String json(int i, String origin) {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return "{\"subscription\": {\"endpoint\": \"" + origin + "/push/" + i + "\", \"expirationTime\": null, "
                    + "\"keys\": {\"p256dh\": \"" + b64.encodeToString(p256dh[i]) + "\", \"auth\": \""
                    + b64.encodeToString(auth[i]) + "\"}}, \"regions\": [\"" + REGION + "\"], \"languages\": [\"en\"]}";
        }
    }

    /** Every subscription through the API, a few requests in flight; a 429 is waited out. */
    static void createSubscriptions(HttpClient http, String base, Subscribers subscribers, String origin)
            throws Exception {
        Semaphore slots = new Semaphore(CREATE_IN_FLIGHT);
        AtomicInteger failed = new AtomicInteger();
        List<String> errors = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(subscribers.size());
        for (int i = 0; i < subscribers.size(); i++) {
            slots.acquire();
            create(http, base, subscribers.json(i, origin), 0).whenComplete((response, e) -> {
                if (e != null || response.statusCode() != 201) {
                    failed.incrementAndGet();
                    synchronized (errors) {
                        if (errors.size() < 3) {
                            errors.add(e != null ? e.toString() : response.statusCode() + " " + abbreviate(response.body(), 300));
                        }
                    }
                }
                slots.release();
                done.countDown();
            });
        }
        done.await();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " subscriptions were not created, e.g. " + errors);
        }
    }

    static CompletableFuture<HttpResponse<String>> create(HttpClient http, String base, String json, int attempt) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/push/subscriptions"))
                        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
                    if (response.statusCode() != 429 || attempt >= 20) {
                        return CompletableFuture.completedFuture(response);
                    }
                    long wait = response.headers().firstValueAsLong("retry-after").orElse(1);
                    return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(wait, TimeUnit.SECONDS))
                            .thenCompose(x -> create(http, base, json, attempt + 1));
                });
    }

    /** One push message as the stand-in received it. */
    record Sample(int index, byte[] body, Map<String, String> headers) {
    }

    /**
     * The stand-in push service: answers 201 to {@code POST /push/<n>} and counts, per phase,
     * the distinct subscriptions that got a message (the baseline's requests carry a header of
     * their own, so that a late message of the other side is not counted). Keeps the first
     * message of each phase. A Vert.x server (from the application's own libraries) on two
     * event loops, so that it is not what limits either side.
     */
    static final class Receiver {
        final io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        final int port;
        private final int n;
        private volatile AtomicIntegerArray got;
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicInteger duplicates = new AtomicInteger();
        private final AtomicInteger strays = new AtomicInteger();
        private final AtomicInteger minLength = new AtomicInteger();
        private final AtomicInteger maxLength = new AtomicInteger();
        private final AtomicLong firstAt = new AtomicLong();
        private final AtomicLong lastAt = new AtomicLong();
        private volatile Sample sample;
        private volatile boolean baseline;
        private volatile CountDownLatch done = new CountDownLatch(0);

        Receiver(int n) throws Exception {
            this.n = n;
            this.got = new AtomicIntegerArray(n);
            this.port = BenchApp.freePort();
            CountDownLatch listening = new CountDownLatch(2);
            for (int i = 0; i < 2; i++) {
                vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(buffer -> {
                    int index = index(request.path());
                    if (index < 0 || request.method() != io.vertx.core.http.HttpMethod.POST) {
                        request.response().setStatusCode(404).end();
                        return;
                    }
                    request.response().setStatusCode(201).end();
                    received(index, buffer, request);
                })).listen(port, "127.0.0.1").onComplete(r -> listening.countDown());
            }
            if (!listening.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the stand-in push service did not start");
            }
        }

        private int index(String path) {
            if (!path.startsWith("/push/")) {
                return -1;
            }
            try {
                int i = Integer.parseInt(path.substring(6));
                return i >= 0 && i < n ? i : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private void received(int index, io.vertx.core.buffer.Buffer buffer, io.vertx.core.http.HttpServerRequest request) {
            if ((request.getHeader("x-bench-baseline") != null) != baseline) {
                strays.incrementAndGet();
                return;
            }
            if (!got.compareAndSet(index, 0, 1)) {
                duplicates.incrementAndGet();
                return;
            }
            long now = System.nanoTime();
            firstAt.compareAndSet(0, now);
            lastAt.accumulateAndGet(now, Math::max);
            minLength.accumulateAndGet(buffer.length(), Math::min);
            maxLength.accumulateAndGet(buffer.length(), Math::max);
            if (sample == null) {
                Map<String, String> headers = new LinkedHashMap<>();
                request.headers().forEach(e -> headers.put(e.getKey().toLowerCase(), e.getValue()));
                sample = new Sample(index, buffer.getBytes(), headers);
            }
            count.incrementAndGet();
            done.countDown();
        }

        void expect(boolean baselinePhase) {
            got = new AtomicIntegerArray(n);
            count.set(0);
            duplicates.set(0);
            strays.set(0);
            minLength.set(Integer.MAX_VALUE);
            maxLength.set(0);
            firstAt.set(0);
            lastAt.set(0);
            sample = null;
            baseline = baselinePhase;
            done = new CountDownLatch(n);
        }

        boolean await(int seconds) throws InterruptedException {
            return done.await(seconds, TimeUnit.SECONDS);
        }

        /** What was not as expected in this phase, as "; ..." or "". */
        String oddities(String side) {
            String odd = "";
            if (duplicates.get() > 0) {
                odd += "; " + side + ": " + duplicates.get() + " duplicate pushes";
            }
            if (strays.get() > 0) {
                odd += "; " + side + ": " + strays.get() + " pushes of the other side arrived during it";
            }
            if (count.get() > 0 && minLength.get() != maxLength.get()) {
                odd += "; " + side + ": bodies of " + minLength.get() + " to " + maxLength.get() + " bytes";
            }
            return odd;
        }

        Sample sample() {
            return sample;
        }

        int count() {
            return count.get();
        }

        long firstAt() {
            return firstAt.get();
        }

        long lastAt() {
            return lastAt.get();
        }

        void stop() {
            vertx.close();
        }
    }

    /**
     * Waits until the service's CPU is idle (under 5% of a core for half a second, at most 30
     * s), so that each phase starts on a quiet machine.
     */
    static void settle(Process app) throws InterruptedException {
        double previous = BenchApp.cpuSeconds(app);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            double now = BenchApp.cpuSeconds(app);
            if (now - previous < 0.025) {
                return;
            }
            previous = now;
        }
    }

    /** CPU seconds of this process, all threads (the stand-in's and the baseline's). */
    static double benchCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Integer intOrNull(String value) {
        return value == null ? null : Integer.valueOf(value.trim());
    }

    static WebPush.Urgency urgency(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "very-low" -> WebPush.Urgency.VeryLow;
            case "low" -> WebPush.Urgency.Low;
            case "high" -> WebPush.Urgency.High;
            default -> WebPush.Urgency.Normal;
        };
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
