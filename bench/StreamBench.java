import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Stream fan-out benchmark. N clients (default 1,000) hold GET /api/v1/alerts/stream open;
 * one alert is published through the API, and for each client the time until it has the
 * whole event (the blank line that ends it) is taken from the publish's 201 and from the
 * start of the publish request. Reported per round: how many clients got it, the time until
 * the first and the last one had it, and the 50th/99th percentiles of the per-client latency.
 *
 * Next to it, in the same run, a baseline: a minimal SSE broadcaster in this program, plain
 * Vert.x (the HTTP stack airalert runs on) with as many server instances as airalert has
 * event loops. It keeps the N text/event-stream responses open and, when POSTed to, writes
 * the same event bytes airalert sent to every one of them, then answers 201: the least it
 * costs this machine to push one event to N connections. As the baseline answers only once
 * it has written, its time from the 201 is about zero; the ratio that compares the two sides
 * is taken from the publish start, and, for the fan-out alone, the baseline from its publish
 * start against airalert from its 201 (airalert pushes the event after its commit).
 *
 * The clients are plain TCP sockets of a Vert.x instance of their own, all on its event
 * loops: each writes an HTTP/1.1 GET and reads the answer itself (head, chunked body, SSE),
 * so that no byte can come before its handler and a client costs little. The publishing
 * client is a Vert.x HTTP client on another event loop, so that the 201 is timed when it
 * arrives; the baseline server has a Vert.x instance of its own too. The clients connect
 * afresh every round and close at its end; an alert is only published once every client has
 * its 200 and the stream's first comment (airalert sends one as a stream opens, the baseline
 * does the same). Both sides are warmed up first (rounds of several events on the same
 * streams), then the measured rounds, one event each, alternate airalert and baseline and
 * their medians are compared. Last, rounds with a single client
 * give the latency of one event on an otherwise idle stream. Run by bench/stream-clients.sh,
 * which packages the service, prepares the database, compiles the benchmarks with
 * bench/BenchApp.java and runs
 *
 *   java -cp "target/bench:target/quarkus-app/lib/main/*" StreamBench <jdbc-url> <clients>
 */
public class StreamBench {

    static final int WARMUP_ROUNDS = 3;
    /**
     * Events per warm-up round, one after the other on the same streams: with one event per
     * round, the service's per-stream path is still being compiled in the measured rounds.
     */
    static final int WARMUP_EVENTS = 10;
    static final int MEASURED_ROUNDS = 5;
    static final int SINGLE_CLIENT_ROUNDS = 5;
    static final int CONNECT_TIMEOUT_SECONDS = 120;
    static final int RECEIVE_TIMEOUT_SECONDS = 30;
    /** Quarkus runs an event loop per core, at least two, and an HTTP server instance on each. */
    static final int EVENT_LOOPS = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final String STREAM_PATH = "/api/v1/alerts/stream";

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int n = Integer.parseInt(args[1]);

        Vertx clientVertx = Vertx.vertx();
        Poster poster = new Poster();
        Broadcaster broadcaster = new Broadcaster(BenchApp.freePort());
        int appPort = BenchApp.freePort();
        Process app = startApp(jdbcUrl, appPort);
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + appPort;
            BenchApp.waitReady(http, base, LOG);
            String publisher = BenchApp.createPublisherKey(http, base);

            Side airalert = new Side("airalert", appPort, STREAM_PATH, () -> publishAlert(poster, appPort, publisher));
            Side baseline = new Side("baseline", broadcaster.port, "/stream",
                    () -> poster.post(broadcaster.port, "/publish", Map.of(), "", broadcaster.event()::equals));

            System.out.printf("%d stream clients per round; %d warm-up and %d measured rounds per side, "
                    + "clients connect afresh each round%n", n, WARMUP_ROUNDS, MEASURED_ROUNDS);
            // The first airalert event received gives the baseline its bytes.
            for (int round = 0; round < WARMUP_ROUNDS; round++) {
                Result warm = round(clientVertx, airalert, n, WARMUP_EVENTS);
                print("warm-up", warm);
                if (broadcaster.event() == null) {
                    broadcaster.setEvent(warm.sample);
                }
                print("warm-up", round(clientVertx, baseline, n, WARMUP_EVENTS));
            }
            List<Result> airalertRounds = new ArrayList<>();
            List<Result> baselineRounds = new ArrayList<>();
            for (int round = 0; round < MEASURED_ROUNDS; round++) {
                airalertRounds.add(print("round " + (round + 1), round(clientVertx, airalert, n)));
                baselineRounds.add(print("round " + (round + 1), round(clientVertx, baseline, n)));
            }
            List<Result> airalertSingle = new ArrayList<>();
            List<Result> baselineSingle = new ArrayList<>();
            for (int round = 0; round < SINGLE_CLIENT_ROUNDS; round++) {
                airalertSingle.add(round(clientVertx, airalert, 1));
                baselineSingle.add(round(clientVertx, baseline, 1));
            }
            summarise(n, airalertRounds, baselineRounds, airalertSingle, baselineSingle);
        } finally {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
            clientVertx.close();
            poster.stop();
            broadcaster.stop();
        }
        System.exit(0);
    }

    /** A server under test: where its stream is and how an event is published on it. */
    record Side(String name, int port, String path, Publisher publisher) {
    }

    interface Publisher {
        Published publish() throws Exception;
    }

    /**
     * The publish's answer, when its request started and when the answer was in (both
     * {@link System#nanoTime}), and how to tell the event it caused from any other.
     */
    record Published(int status, String body, long startedAt, long answeredAt, Predicate<Buffer> isEvent) {
    }

    /**
     * Publishes, on an event loop of its own: the 201 is timed as it arrives, not when a
     * waiting thread gets round to it, and the streams' event loops do not hold it up.
     */
    static final class Poster {
        private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        private final io.vertx.core.http.HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1));

        Published post(int port, String path, Map<String, String> headers, String body, Predicate<Buffer> isEvent)
                throws Exception {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                    .setPort(port).setURI(path);
            headers.forEach(options::putHeader);
            long[] startedAt = new long[1];
            return client.request(options)
                    .compose(request -> {
                        startedAt[0] = System.nanoTime();
                        return request.send(body);
                    })
                    .compose(response -> response.body().map(answer -> new Published(response.statusCode(),
                            answer.toString(), startedAt[0], System.nanoTime(), isEvent)))
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }

        void stop() {
            vertx.close();
        }
    }

    static Result round(Vertx vertx, Side side, int clients) throws Exception {
        return round(vertx, side, clients, 1);
    }

    /**
     * One round: {@code clients} streams connect; once they are all open, {@code events}
     * events are published one after the other, each when every stream has the one before;
     * then the streams close. The figures are those of the last event.
     */
    static Result round(Vertx vertx, Side side, int clients, int events) throws Exception {
        NetClient net = vertx.createNetClient(new NetClientOptions().setConnectTimeout(30_000).setTcpNoDelay(true));
        CountDownLatch opened = new CountDownLatch(clients);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Stream> streams = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            Stream stream = new Stream(side, opened, failures);
            streams.add(stream);
            net.connect(side.port, "127.0.0.1").onComplete(stream::connected);
        }
        try {
            if (!opened.await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !failures.isEmpty()) {
                throw new IllegalStateException(side.name + ": not every stream opened within "
                        + CONNECT_TIMEOUT_SECONDS + " s; streams by stage: "
                        + tally(streams.stream().map(Stream::stage)) + "; failures: " + tally(failures.stream()));
            }
            Result result = null;
            for (int event = 1; event <= events; event++) {
                result = publishOne(side, streams, event);
            }
            if (!failures.isEmpty()) {
                System.out.printf("%s: streams failed after opening: %s%n", side.name, tally(failures.stream()));
            }
            return result;
        } finally {
            streams.forEach(Stream::close);
            net.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            // Lets both servers see the closes before the next round opens streams again.
            Thread.sleep(500);
        }
    }

    /** Publishes the {@code event}th event of a round and times its receipt on every stream. */
    static Result publishOne(Side side, List<Stream> streams, int event) throws Exception {
        CountDownLatch received = new CountDownLatch(streams.size());
        streams.forEach(s -> s.expect(received));
        Published published = side.publisher.publish();
        if (published.status != 201) {
            throw new IllegalStateException(side.name + ": publish answered " + published.status + ": "
                    + published.body);
        }
        received.await(RECEIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<Stream> got = streams.stream().filter(s -> s.events == event).toList();
        long wrong = got.stream().filter(s -> !published.isEvent.test(s.event)).count();
        if (wrong > 0) {
            throw new IllegalStateException(side.name + ": " + wrong + " streams received another event");
        }
        long start = published.startedAt;
        long answered = published.answeredAt;
        return new Result(side.name, streams.size(), got.size(), millis(answered - start),
                sortedMillis(got, s -> s.eventAt - answered), sortedMillis(got, s -> s.eventAt - start),
                got.isEmpty() ? null : got.get(0).event);
    }

    /**
     * One client: a plain HTTP/1.1 GET written on a TCP socket and its answer read by
     * {@link SseReader}. The first comment marks the stream open; each event is counted, and
     * the latest one timed and kept.
     */
    static final class Stream implements SseReader.Blocks {
        private final Side side;
        private final CountDownLatch opened;
        private volatile CountDownLatch received = new CountDownLatch(0);
        private final ConcurrentLinkedQueue<String> failures;
        private final SseReader reader = new SseReader(this);
        private volatile NetSocket socket;
        private volatile boolean failed;
        volatile boolean open;
        volatile int events;
        volatile long eventAt;
        volatile Buffer event;

        Stream(Side side, CountDownLatch opened, ConcurrentLinkedQueue<String> failures) {
            this.side = side;
            this.opened = opened;
            this.failures = failures;
        }

        /** The next event is to count down this latch (a failed stream does at once). */
        void expect(CountDownLatch received) {
            this.received = received;
            if (failed) {
                received.countDown();
            }
        }

        void connected(AsyncResult<NetSocket> result) {
            if (result.failed()) {
                fail(result.cause().toString());
                return;
            }
            socket = result.result();
            socket.handler(reader::read);
            socket.exceptionHandler(e -> fail(e.toString()));
            socket.closeHandler(v -> fail("the server closed the connection"));
            socket.write(SseReader.request(side.port, side.path));
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
            eventAt = System.nanoTime();
            event = block;
            events++;
            received.countDown();
        }

        /** A stream that failed counts as opened and as done, so that nothing waits for it. */
        private void fail(String why) {
            if (failed) {
                return;
            }
            failed = true;
            failures.add(why);
            if (!open) {
                opened.countDown();
            }
            received.countDown();
        }

        /** How far the stream got, for the report when not every stream opens. */
        String stage() {
            if (failed) {
                return "failed";
            }
            if (socket == null) {
                return "connecting";
            }
            return open ? "open" : reader.inHead() ? "request sent, " + reader.bytes() + " bytes of the answer"
                    : "200 and " + reader.bytes() + " bytes, no comment yet";
        }

        void close() {
            failed = true;
            if (socket != null) {
                socket.close();
            }
        }
    }

    /** One round's figures; latencies in milliseconds, sorted. */
    record Result(String side, int clients, int got, double publishMs, double[] from201, double[] fromStart,
            Buffer sample) {

        double last201() {
            return from201.length == 0 ? Double.NaN : from201[from201.length - 1];
        }

        double lastStart() {
            return fromStart.length == 0 ? Double.NaN : fromStart[fromStart.length - 1];
        }
    }

    static Result print(String label, Result r) {
        System.out.printf("%-8s %s %4d/%d | 201 after %5.1f | from the 201: first %6.1f  p50 %6.1f  p99 %6.1f  "
                        + "last %6.1f | from the publish start: p50 %6.1f  p99 %6.1f  last %6.1f ms%n",
                label, r.side, r.got, r.clients, r.publishMs, percentile(r.from201, 0), percentile(r.from201, 50),
                percentile(r.from201, 99), r.last201(), percentile(r.fromStart, 50), percentile(r.fromStart, 99),
                r.lastStart());
        return r;
    }

    static void summarise(int n, List<Result> airalert, List<Result> baseline, List<Result> airalertSingle,
            List<Result> baselineSingle) {
        System.out.printf("%nmedians over the %d measured rounds, %d clients (ms); got it: the worst round%n",
                MEASURED_ROUNDS, n);
        System.out.printf("            got it  201 after | from the 201: first    p50    p99   last"
                + " | from the publish start:  p50    p99   last%n");
        for (List<Result> side : List.of(airalert, baseline)) {
            System.out.printf("%s %4d/%-4d %9.1f |              %6.1f %6.1f %6.1f %6.1f |                       "
                            + "%6.1f %6.1f %6.1f%n", side.get(0).side,
                    side.stream().mapToInt(Result::got).min().orElse(0), n, median(side, Result::publishMs),
                    median(side, r -> percentile(r.from201, 0)), median(side, r -> percentile(r.from201, 50)),
                    median(side, r -> percentile(r.from201, 99)), median(side, Result::last201),
                    median(side, r -> percentile(r.fromStart, 50)), median(side, r -> percentile(r.fromStart, 99)),
                    median(side, Result::lastStart));
        }
        double airalertLast = median(airalert, Result::lastStart);
        double baselineLast = median(baseline, Result::lastStart);
        System.out.printf("ratio baseline/airalert, time until the last client has it, from the publish start: %.2f%n",
                baselineLast / airalertLast);
        System.out.printf("  fan-out alone (baseline from its publish start, airalert from its 201): %.2f%n",
                baselineLast / median(airalert, Result::last201));
        System.out.printf("  (both from the 201: %.2f, which says little: the baseline answers once it has written "
                + "to every stream)%n", median(baseline, Result::last201) / median(airalert, Result::last201));

        double single = median(airalertSingle, Result::last201);
        System.out.printf("%nsingle client, %d rounds each, from the 201 until it has the event: airalert %s ms%n",
                SINGLE_CLIENT_ROUNDS, values(airalertSingle, Result::last201));
        System.out.printf("single client medians: airalert %.1f ms from the 201 (%.1f ms from the publish start); "
                        + "baseline %.1f ms from the publish start%n", single, median(airalertSingle,
                        Result::lastStart), median(baselineSingle, Result::lastStart));
        System.out.printf("on the stream within 100 ms of the publish response: %s (median %.1f ms, slowest round "
                        + "%.1f ms)%n", single <= 100 ? "yes" : "no", single,
                airalertSingle.stream().mapToDouble(Result::last201).max().orElse(Double.NaN));
    }

    /** Nearest rank; 0 is the smallest value. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static double median(List<Result> rounds, ToDoubleFunction<Result> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        return values[values.length / 2];
    }

    static String values(List<Result> rounds, ToDoubleFunction<Result> figure) {
        return rounds.stream().map(r -> String.format("%.1f", figure.applyAsDouble(r))).toList().toString();
    }

    static double[] sortedMillis(List<Stream> streams, ToLongFunction<Stream> nanos) {
        return streams.stream().mapToDouble(s -> millis(nanos.applyAsLong(s))).sorted().toArray();
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    static String tally(java.util.stream.Stream<String> values) {
        Map<String, Integer> counts = new TreeMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.toString();
    }

    static Published publishAlert(Poster poster, int port, String publisher) throws Exception {
        String identifier = "bench-" + System.nanoTime();
        String alert = BenchApp.kyivAlert(identifier);
        String quoted = "\"" + identifier + "\"";
        return poster.post(port, "/api/v1/alerts",
                Map.of("authorization", "Bearer " + publisher, "content-type", "application/json"), alert,
                event -> event.toString(StandardCharsets.UTF_8).contains(quoted));
    }

    /**
     * The baseline: keeps every GET /stream open as a chunked text/event-stream response
     * (opened with a comment, as airalert does) and, on POST /publish, writes the event to all
     * of them and answers 201.
     */
    static final class Broadcaster {
        final int port;
        private final Vertx vertx = Vertx.vertx();
        private final Set<HttpServerResponse> streams = ConcurrentHashMap.newKeySet();
        private volatile Buffer event;

        Broadcaster(int port) throws Exception {
            this.port = port;
            CountDownLatch listening = new CountDownLatch(EVENT_LOOPS);
            for (int i = 0; i < EVENT_LOOPS; i++) {
                vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1")
                        .onComplete(r -> listening.countDown());
            }
            listening.await(10, TimeUnit.SECONDS);
        }

        private void handle(HttpServerRequest request) {
            if (request.method() == HttpMethod.GET && request.path().equals("/stream")) {
                HttpServerResponse response = request.response().setChunked(true)
                        .putHeader("content-type", "text/event-stream");
                streams.add(response);
                response.closeHandler(v -> streams.remove(response));
                response.write(":keep-alive\n\n");
            } else if (request.method() == HttpMethod.POST && request.path().equals("/publish")) {
                request.end().onSuccess(v -> {
                    Buffer bytes = event;
                    streams.forEach(stream -> stream.write(bytes));
                    request.response().setStatusCode(201).end();
                });
            } else {
                request.response().setStatusCode(404).end();
            }
        }

        Buffer event() {
            return event;
        }

        void setEvent(Buffer event) {
            this.event = event;
        }

        void stop() {
            vertx.close();
        }
    }

    static final String LOG = "target/bench-stream-app.log";

    static Process startApp(String jdbcUrl, int port) throws Exception {
        // Only the stream is measured: no webhook workers.
        return BenchApp.start(jdbcUrl, port, LOG, Map.of("AIRALERT_WEBHOOKS_ENABLED", "false"));
    }
}
