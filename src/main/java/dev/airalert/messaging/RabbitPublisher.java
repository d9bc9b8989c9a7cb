package dev.airalert.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.airalert.AirAlertConfig;
import dev.airalert.event.EventLog;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * RabbitMQ: persistent messages, message id the event id, content type JSON, each the whole
 * event, in two schemes. On the durable topic exchange {@code alerts}, one message per
 * oblast-level region and event word, routing key {@code alert.<country>.<oblast>.<event>} (a
 * raion's or hromada's alert under its oblast); messages no queue is bound for go to the
 * alternate exchange {@code alerts.unrouted} and its queue of the same name, not into the
 * void. On the durable topic exchange {@code places}, one message per place the alert makes
 * active and threat type, routing key {@code place.<country>.<oblast>.<raion|_>.<hromada|_>.<type>}
 * ({@link Places}; the threat type is today the event word), so that one binding follows a
 * place with what covers it from above; these are copies, and those no queue is bound for
 * are dropped. Publisher confirms are on: an event is done when the broker confirmed all its
 * messages.
 */
@ApplicationScoped
class RabbitPublisher implements BrokerPublisher {

    static final String EXCHANGE = "alerts";
    static final String UNROUTED = "alerts.unrouted";
    static final String PLACES = "places";

    private final Emitter<String> emitter;
    private final Emitter<String> placeEmitter;
    private final boolean enabled;
    private final Places places;
    private final EventLog eventLog;
    private final Publishing.Window window = new Publishing.Window(BrokerRelay.UNCONFIRMED, BrokerRelay.CONFIRM_TIMEOUT);
    private final ConnectionFactory topology = new ConnectionFactory();
    private volatile boolean declared;

    RabbitPublisher(@org.eclipse.microprofile.reactive.messaging.Channel("alerts-rabbitmq")
            @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 65_536) Emitter<String> emitter,
            @org.eclipse.microprofile.reactive.messaging.Channel("places-rabbitmq")
            @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 65_536) Emitter<String> placeEmitter,
            AirAlertConfig config, Places places, EventLog eventLog,
            @ConfigProperty(name = "rabbitmq-host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "rabbitmq-port", defaultValue = "5672") int port,
            @ConfigProperty(name = "rabbitmq-username", defaultValue = "guest") String username,
            @ConfigProperty(name = "rabbitmq-password", defaultValue = "guest") String password) {
        this.emitter = emitter;
        this.placeEmitter = placeEmitter;
        this.enabled = config.messaging().rabbitmq().enabled();
        this.places = places;
        this.eventLog = eventLog;
        topology.setHost(host);
        topology.setPort(port);
        topology.setUsername(username);
        topology.setPassword(password);
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public List<CompletableFuture<Void>> publish(List<EventLog.Entry> events) {
        try {
            declareTopology();
        } catch (Exception e) {
            return events.stream().map(event -> CompletableFuture.<Void>failedFuture(e)).toList();
        }
        Map<Long, Set<String>> inPart = eventLog.coveredInPart(events);
        Publishing.Window.Round round = window.round();
        return events.stream().map(e -> publish(e, inPart.getOrDefault(e.seq(), Set.of()), round)).toList();
    }

    private CompletableFuture<Void> publish(EventLog.Entry event, Set<String> inPart, Publishing.Window.Round round) {
        List<CompletableFuture<Void>> confirms = new ArrayList<>();
        Set<String> events = Topics.events(event);
        for (String region : places.oblastLevel(event.regions())) {
            for (String word : events) {
                confirms.add(send(round, emitter, event, "alert." + Topics.country(region) + "." + region + "." + word));
            }
        }
        Set<String> threats = Topics.threats(event);
        for (String code : places.reached(event.regions(), inPart)) {
            Places.Place place = places.place(code).orElseThrow();
            for (String type : threats) {
                confirms.add(send(round, placeEmitter, event, place.routingKey(type)));
            }
        }
        return CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new));
    }

    private static CompletableFuture<Void> send(Publishing.Window.Round round, Emitter<String> emitter,
            EventLog.Entry event, String routingKey) {
        OutgoingRabbitMQMetadata metadata = new OutgoingRabbitMQMetadata.Builder()
                .withRoutingKey(routingKey).withMessageId(event.id()).withContentType("application/json")
                .withDeliveryMode(2).withType(event.type())
                .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC)).build();
        return round.send(emitter, event.body(), Metadata.of(metadata));
    }

    /** The exchanges, the queue for unrouted alert messages and the ingest dead letters; idempotent, once per start. */
    void declareTopology() throws Exception {
        if (declared) {
            return;
        }
        try (Connection connection = topology.newConnection("airalert-topology");
                Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(UNROUTED, BuiltinExchangeType.FANOUT, true);
            channel.queueDeclare(UNROUTED, true, false, false, null);
            channel.queueBind(UNROUTED, UNROUTED, "");
            channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true, false,
                    Map.of("alternate-exchange", UNROUTED));
            channel.exchangeDeclare(PLACES, BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare(BrokerIngest.RABBITMQ_DEAD_LETTERS, true, false, false, null);
            channel.queueBind(BrokerIngest.RABBITMQ_DEAD_LETTERS, "amq.direct", BrokerIngest.RABBITMQ_DEAD_LETTERS);
        }
        declared = true;
    }
}
