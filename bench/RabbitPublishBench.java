import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker relay's publishing rate to RabbitMQ with publisher confirms, next to PerfTest.
 * N alerts are published over HTTP with RabbitMQ switched off; the service is started again
 * with RabbitMQ on and all their events are queued for RabbitMQ in the broker outbox, twice
 * (a warm-up round, then the timed one): a consumer bound to {@code alert.#} counts the
 * messages and times the first to the last.
 * PerfTest then publishes N persistent messages of the same size to a topic exchange with
 * confirms (at most 500 unconfirmed, as the relay has two batches of 250 out), one producer
 * and one consumer. Run by bench/rabbitmq-publish.sh, which compiles the benchmarks with
 * bench/BenchApp.java and runs
 *
 *   java -cp "target/bench:target/quarkus-app/lib/main/*" RabbitPublishBench <jdbc-url> <alerts> <perftest-libs>
 */
public class RabbitPublishBench {

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int n = Integer.parseInt(args[1]);
        String perfTestLibs = args[2];

        // 1. N alerts, RabbitMQ off: the events exist, nothing is published yet.
        int port = BenchApp.freePort();
        Process app = startApp(jdbcUrl, port, false);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        BenchApp.waitReady(http, base, LOG);
        String publisher = BenchApp.createPublisherKey(http, base);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> published = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = BenchApp.kyivAlert("rabbit-bench-" + System.nanoTime() + "-" + i);
            published.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                    .header("authorization", "Bearer " + publisher).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()));
        }
        for (Future<Integer> f : published) {
            if (f.get() != 201) {
                throw new IllegalStateException("publish answered " + f.get());
            }
        }
        pool.shutdown();
        stop(app);

        // 2. A consumer on alert.#, the service with RabbitMQ on, then every event queued for
        //    RabbitMQ in the outbox, as publishing with RabbitMQ on would have done: twice, the
        //    first round warming the service up; the second is timed, first to last message.
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong received = new AtomicLong();
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("alerts", BuiltinExchangeType.TOPIC, true, false,
                    Map.of("alternate-exchange", "alerts.unrouted"));
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "alerts", "alert.#");
            channel.basicConsume(queue, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    long now = System.nanoTime();
                    first.compareAndSet(0, now);
                    last.set(now);
                    bytes.addAndGet(body.length);
                    received.incrementAndGet();
                }
            });
            int appPort = BenchApp.freePort();
            app = startApp(jdbcUrl, appPort, true);
            BenchApp.waitReady(http, "http://127.0.0.1:" + appPort, LOG);
            for (int round = 0; round < 2; round++) {
                first.set(0);
                bytes.set(0);
                received.set(0);
                try (var c = DriverManager.getConnection(jdbcUrl, "postgres", ""); var s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO broker_outbox (connector, event_seq, due_at, attempts)"
                            + " SELECT 'rabbitmq', seq, now(), 0 FROM alert_event");
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                while (received.get() < n && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (received.get() < n) {
                    throw new IllegalStateException("only " + received.get() + " of " + n + " messages arrived");
                }
                Thread.sleep(1_000); // the outbox rows of the last confirms are settled
            }
            stop(app);
        }
        double seconds = (last.get() - first.get()) / 1e9;
        int size = (int) (bytes.get() / n);
        double rate = n / seconds;

        // 4. PerfTest: the same count and size, persistent, confirms, topic exchange, one consumer.
        Process perf = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", perfTestLibs + "/*", "com.rabbitmq.perf.PerfTest", "-h", "amqp://guest:guest@127.0.0.1:5672",
                "-x", "1", "-y", "1", "-s", Integer.toString(size), "-C", Integer.toString(n), "-c", "500",
                "-f", "persistent", "-e", "perftest-bench", "-t", "topic", "-k", "perf.key", "-u", "perftest-bench",
                "-ad", "false").redirectErrorStream(true).start();
        double perfRate = -1;
        Pattern sending = Pattern.compile("sending rate avg: (\\d+) msg/s");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(perf.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                Matcher m = sending.matcher(line);
                if (m.find()) {
                    perfRate = Double.parseDouble(m.group(1));
                }
            }
        }
        perf.waitFor(120, TimeUnit.SECONDS);
        System.out.printf("airalert: %d alerts (one message each, %d bytes on average) published to RabbitMQ with"
                + " confirms in %.2f s: %.0f/s%n", n, size, seconds, rate);
        System.out.printf("PerfTest: %d messages of %d bytes, persistent, confirms (at most 500 unconfirmed): %.0f/s%n",
                n, size, perfRate);
        System.out.printf("ratio airalert/PerfTest: %.2f (target >= 0.50)%n", rate / perfRate);
        System.exit(0);
    }

    static final String LOG = "target/bench-rabbit-app.log";

    /** The service without webhook workers, with RabbitMQ publishing on or off. */
    static Process startApp(String jdbcUrl, int port, boolean rabbit) throws Exception {
        return BenchApp.start(jdbcUrl, port, LOG, Map.of("AIRALERT_WEBHOOKS_ENABLED", "false",
                "AIRALERT_MESSAGING_RABBITMQ_ENABLED", Boolean.toString(rabbit), "RABBITMQ_HOST", "127.0.0.1"));
    }

    static void stop(Process app) throws InterruptedException {
        app.destroy();
        app.waitFor(30, TimeUnit.SECONDS);
    }
}
