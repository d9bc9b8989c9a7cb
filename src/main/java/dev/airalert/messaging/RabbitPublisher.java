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
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * RabbitMQ: one persistent message per covered region and event on the durable topic
 * exchange {@code alerts}, routing key {@code alert.<country>.<region>.<event>}, message id
 * the event id, content type JSON. Publisher confirms are on: an event is done when the
 * broker confirmed all its messages. Messages no queue is bound for go to the alternate
 * exchange {@code alerts.unrouted} and its queue of the same name, not into the void.
 */
@ApplicationScoped
class RabbitPublisher implements BrokerPublisher {

    static final String EXCHANGE = "alerts";
    static final String UNROUTED = "alerts.unrouted";

    private final Emitter<String> emitter;
    private final boolean enabled;
    private final ConnectionFactory topology = new ConnectionFactory();
    private volatile boolean declared;

    RabbitPublisher(@org.eclipse.microprofile.reactive.messaging.Channel("alerts-rabbitmq")
            @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 65_536) Emitter<String> emitter,
            AirAlertConfig config,
            @ConfigProperty(name = "rabbitmq-host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "rabbitmq-port", defaultValue = "5672") int port,
            @ConfigProperty(name = "rabbitmq-username", defaultValue = "guest") String username,
            @ConfigProperty(name = "rabbitmq-password", defaultValue = "guest") String password) {
        this.emitter = emitter;
        this.enabled = config.messaging().rabbitmq().enabled();
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
        return events.stream().map(this::publish).toList();
    }

    private CompletableFuture<Void> publish(EventLog.Entry event) {
        List<CompletableFuture<Void>> confirms = new ArrayList<>();
        for (String region : event.regions()) {
            for (String kind : Topics.events(event)) {
                String routingKey = "alert." + Topics.country(region) + "." + region + "." + kind;
                OutgoingRabbitMQMetadata metadata = new OutgoingRabbitMQMetadata.Builder()
                        .withRoutingKey(routingKey).withMessageId(event.id()).withContentType("application/json")
                        .withDeliveryMode(2).withType(event.type())
                        .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC)).build();
                confirms.add(Publishing.send(emitter, event.body(), Metadata.of(metadata)));
            }
        }
        return CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new));
    }

    /** The exchanges, the queue for unrouted messages and the ingest dead letters; idempotent, once per start. */
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
            channel.queueDeclare(BrokerIngest.RABBITMQ_DEAD_LETTERS, true, false, false, null);
            channel.queueBind(BrokerIngest.RABBITMQ_DEAD_LETTERS, "amq.direct", BrokerIngest.RABBITMQ_DEAD_LETTERS);
        }
        declared = true;
    }
}
