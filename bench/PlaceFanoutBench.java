import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One country-wide alert through the place scheme on RabbitMQ: published over HTTP, the relay
 * sends one message per place it makes active (1 + 27 + 136 + 1,469 = 1,633) to the exchange
 * {@code places} with publisher confirms; a consumer bound to {@code place.#} times the arrival
 * of the last of them, from the start of the publish and from its 201. Next to it, in the same
 * run, a baseline: the RabbitMQ Java client publishing the same bodies with the same routing
 * keys, persistent, with confirms, to an exchange of its own, timed the same way. Three warm-up
 * rounds, then five measured rounds of each; medians. Run by bench/rabbitmq-places.sh, which
 * compiles the benchmarks with bench/BenchApp.java and runs
 *
 *   java -cp "target/bench:target/quarkus-app/lib/main/*" PlaceFanoutBench <jdbc-url>
 */
public class PlaceFanoutBench {

    static final int PLACES = 1 + 27 + 136 + 1_469;
    static final String LOG = "target/bench-places-app.log";
    static final String BASELINE = "places-bench-baseline";

    /** One round's message: its routing key and body. */
    record Got(String routingKey, byte[] body) {
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int port = BenchApp.freePort();
        Process app = BenchApp.start(jdbcUrl, port, LOG, Map.of("AIRALERT_WEBHOOKS_ENABLED", "false",
                "AIRALERT_MESSAGING_RABBITMQ_ENABLED", "true", "RABBITMQ_HOST", "127.0.0.1"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel();
                Channel publisher = connection.createChannel()) {
            BenchApp.waitReady(http, base, LOG);
            String key = BenchApp.createPublisherKey(http, base);
            channel.exchangeDeclare("places", BuiltinExchangeType.TOPIC, true);
            channel.exchangeDeclare(BASELINE, BuiltinExchangeType.TOPIC, false, true, null);
            Map<String, List<Got>> received = new ConcurrentHashMap<>();
            Map<String, CountDownLatch> complete = new ConcurrentHashMap<>();
            Map<String, Long> firstAt = new ConcurrentHashMap<>();
            consume(channel, "places", received, complete, firstAt);
            consume(channel, BASELINE, received, complete, firstAt);
            publisher.confirmSelect();

            List<double[]> service = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            for (int round = 0; round < 8; round++) {
                String identifier = "places-bench-" + System.nanoTime();
                complete.put(identifier, new CountDownLatch(PLACES));
                long start = System.nanoTime();
                int status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                        .header("authorization", "Bearer " + key).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(countryWide(identifier))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                long answered = System.nanoTime();
                if (status != 201 || !complete.get(identifier).await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("publish answered " + status + "; got "
                            + received.getOrDefault(identifier, List.of()).size() + " of " + PLACES + "; see " + LOG);
                }
                long last = System.nanoTime();
                List<Got> got = received.get(identifier);
                Set<String> keys = Set.copyOf(got.stream().map(Got::routingKey).toList());
                if (keys.size() != PLACES) {
                    throw new IllegalStateException(keys.size() + " distinct routing keys, not " + PLACES);
                }

                // The baseline: the same messages, published by the client library with confirms.
                String copy = identifier + "-baseline";
                complete.put(copy, new CountDownLatch(PLACES));
                long baselineStart = System.nanoTime();
                for (Got message : got) {
                    publisher.basicPublish(BASELINE, message.routingKey(), new AMQP.BasicProperties.Builder()
                            .contentType("application/json").deliveryMode(2).messageId(copy).type("alert.published")
                            .build(), new String(message.body(), StandardCharsets.UTF_8)
                            .replace(identifier, copy).getBytes(StandardCharsets.UTF_8));
                }
                publisher.waitForConfirmsOrDie(60_000);
                if (!complete.get(copy).await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the baseline's messages did not all arrive");
                }
                double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
                double first = (firstAt.get(identifier) - answered) / 1e6;
                if (round >= 3) {
                    service.add(new double[] {(answered - start) / 1e6, (last - answered) / 1e9, (last - start) / 1e9,
                            first});
                    baseline.add(baselineSeconds);
                }
                System.out.printf("round %d%s: 201 after %.0f ms, the first message %.0f ms after it, all %d %.2f s after"
                        + " it (%.2f s from the publish start); baseline %.2f s; %d bytes each%n", round + 1,
                        round < 3 ? " (warm-up)" : "", (answered - start) / 1e6, first, PLACES, (last - answered) / 1e9,
                        (last - start) / 1e9,
                        baselineSeconds, got.get(0).body().length);
                received.remove(identifier);
                received.remove(copy);
                firstAt.remove(identifier);
                firstAt.remove(copy);
            }
            double total = median(service.stream().map(r -> r[2]).toList());
            double baselineMedian = median(baseline);
            System.out.printf("median of %d rounds: 201 after %.0f ms; the first message %.0f ms after the 201;"
                    + " all %d place messages %.2f s after the 201,"
                    + " %.2f s from the publish start (%.0f messages/s); baseline %.2f s (%.0f/s); ratio of rates %.2f%n",
                    service.size(), median(service.stream().map(r -> r[0]).toList()),
                    median(service.stream().map(r -> r[3]).toList()), PLACES,
                    median(service.stream().map(r -> r[1]).toList()), total, PLACES / total, baselineMedian, PLACES / baselineMedian,
                    baselineMedian / total);
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    /** A queue of its own on the exchange for place.#; each message counted under its alert's identifier. */
    static void consume(Channel channel, String exchange, Map<String, List<Got>> received,
            Map<String, CountDownLatch> complete, Map<String, Long> firstAt) throws Exception {
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, "place.#");
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                String text = new String(body, StandardCharsets.UTF_8);
                int at = text.indexOf("\"identifier\":\"places-bench-");
                if (at < 0) {
                    return;
                }
                int from = at + "\"identifier\":\"".length();
                String identifier = text.substring(from, text.indexOf('"', from));
                firstAt.putIfAbsent(identifier, System.nanoTime());
                received.computeIfAbsent(identifier, i -> Collections.synchronizedList(new ArrayList<>()))
                        .add(new Got(envelope.getRoutingKey(), body));
                CountDownLatch latch = complete.get(identifier);
                if (latch != null) {
                    latch.countDown();
                }
            }
        });
    }

    /** An air raid alert for all of Ukraine (ISO 3166-1 UA), sent now. */
    static String countryWide(String identifier) {
        String sent = OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
        return """
                {"identifier": "%s", "sender": "bench@airalert.test", "sent": "%s", "status": "Actual",
                 "msgType": "Alert", "scope": "Public",
                 "info": [{"language": "en-US", "category": ["Security"], "event": "air raid",
                   "responseType": ["Shelter"], "urgency": "Immediate", "severity": "Extreme", "certainty": "Observed",
                   "headline": "Air raid alert in all of Ukraine", "instruction": "Go to the nearest shelter now.",
                   "area": [{"areaDesc": "Ukraine", "geocode": [{"valueName": "ISO3166-1", "value": "UA"}]}]}]}
                """.formatted(identifier, sent);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
