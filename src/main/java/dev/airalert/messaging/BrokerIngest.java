package dev.airalert.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.AirAlertConfig;
import dev.airalert.Deadline;
import dev.airalert.alert.AlertIngest;
import dev.airalert.security.ApiKeyService;
import dev.airalert.security.Caller;
import dev.airalert.security.Roles;
import dev.airalert.web.FieldError;
import dev.airalert.web.Problem;
import dev.airalert.web.ProblemException;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.mqtt.SendingMqttMessageMetadata;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMessage;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Alerts taken in from brokers: the RabbitMQ queue {@code alerts.ingest} and the MQTT topic
 * {@code alerts/ingest}, CAP XML or JSON, read, validated and stored exactly as
 * {@code POST /api/v1/alerts} does, as the API key configured in
 * {@code airalert.messaging.ingest.publisher}. A message that is refused (invalid, too
 * large, conflicting, or no valid publisher configured) goes to a dead-letter destination
 * with the RFC 9457 problem: the queue {@code alerts.ingest.dlq} (original body, problem in
 * the header {@code x-problem}) or the topic {@code alerts/ingest/dead-letter} (a JSON
 * wrapper with the problem and the original message). It is never dropped silently and
 * never retried forever; a message that fails for a passing reason (the database is away)
 * is tried again for a while, then handed back to RabbitMQ (requeued) or, as MQTT cannot
 * deliver it again, dead-lettered with a 503 problem.
 */
@ApplicationScoped
class BrokerIngest {

    static final String RABBITMQ_QUEUE = "alerts.ingest";
    static final String MQTT_TOPIC = "alerts/ingest";
    static final String RABBITMQ_DEAD_LETTERS = "alerts.ingest.dlq";
    static final String MQTT_DEAD_LETTERS = "alerts/ingest/dead-letter";
    private static final Logger LOG = Logger.getLogger(BrokerIngest.class);
    /** Tries, a second apart, before a passing failure is handed back to the broker. */
    private static final int PASSING_FAILURE_ATTEMPTS = 30;

    private final AlertIngest ingest;
    private final ApiKeyService keys;
    private final Optional<UUID> publisher;
    private final RabbitPublisher rabbit;
    private final Emitter<byte[]> rabbitDeadLetters;
    private final Emitter<String> mqttDeadLetters;
    private final ObjectMapper json;

    BrokerIngest(AlertIngest ingest, ApiKeyService keys, AirAlertConfig config, RabbitPublisher rabbit,
            @Channel("alerts-ingest-dlq-rabbitmq") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<byte[]> rabbitDeadLetters,
            @Channel("alerts-ingest-dlq-mqtt") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<String> mqttDeadLetters, ObjectMapper json) {
        this.ingest = ingest;
        this.keys = keys;
        this.publisher = config.messaging().ingest().publisher();
        this.rabbit = rabbit;
        this.rabbitDeadLetters = rabbitDeadLetters;
        this.mqttDeadLetters = mqttDeadLetters;
        this.json = json;
    }

    @Incoming("alerts-ingest-rabbitmq")
    @Blocking(ordered = true)
    CompletionStage<Void> fromRabbit(Message<?> message) {
        byte[] body = message instanceof IncomingRabbitMQMessage<?> m ? m.message.body().getBytes() : bytes(message.getPayload());
        String contentType = message.getMetadata(IncomingRabbitMQMetadata.class)
                .flatMap(IncomingRabbitMQMetadata::getContentType).orElse(null);
        return take(message, contentType, body, true, problem -> {
            try {
                rabbit.declareTopology();
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
            OutgoingRabbitMQMetadata metadata = new OutgoingRabbitMQMetadata.Builder()
                    .withRoutingKey(RABBITMQ_DEAD_LETTERS).withDeliveryMode(2)
                    .withContentType(contentType == null ? "application/octet-stream" : contentType)
                    .withHeader("x-problem", problem).build();
            return Publishing.send(rabbitDeadLetters, body, Metadata.of(metadata));
        });
    }

    @Incoming("alerts-ingest-mqtt")
    @Blocking(ordered = true)
    CompletionStage<Void> fromMqtt(Message<byte[]> message) {
        byte[] body = message.getPayload();
        return take(message, null, body, false, problem -> {
            ObjectNode wrapper = json.createObjectNode();
            try {
                wrapper.set("problem", json.readTree(problem));
            } catch (JsonProcessingException e) {
                wrapper.put("problem", problem);
            }
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.getBytes(StandardCharsets.UTF_8).length == body.length) {
                wrapper.put("message", text);
            } else {
                wrapper.put("messageBase64", Base64.getEncoder().encodeToString(body));
            }
            return Publishing.send(mqttDeadLetters, wrapper.toString(),
                    Metadata.of(new SendingMqttMessageMetadata(MQTT_DEAD_LETTERS, MqttQoS.AT_LEAST_ONCE, false)));
        });
    }

    /**
     * Publishes the document; a refusal goes to the dead letters, then the message is
     * acknowledged. A passing failure (the database is away) is retried here for a while;
     * then a broker that can deliver again (RabbitMQ) gets the message back, and one that
     * cannot (MQTT) has it dead-lettered as 503, so that it is not lost.
     */
    private CompletionStage<Void> take(Message<?> message, String contentType, byte[] body, boolean brokerRedelivers,
            java.util.function.Function<String, CompletionStage<Void>> deadLetter) {
        String source = brokerRedelivers ? "rabbitmq:" + RABBITMQ_QUEUE : "mqtt:" + MQTT_TOPIC;
        ProblemException refused = null;
        for (int attempt = 1; refused == null; attempt++) {
            try {
                Optional<Caller> caller = publisher.flatMap(keys::callerOf)
                        .filter(c -> c.has(Roles.PUBLISHER) && c.senders().isNarrow())
                        .map(c -> c.at(source));
                if (caller.isEmpty()) {
                    refused = new ProblemException(403, "/problems/ingest-not-authorised", "Ingest not authorised",
                            "airalert.messaging.ingest.publisher must name an API key with the publisher role"
                                    + " that is not revoked and is bound to named senders (not \"*\" or \"*@*\":"
                                    + " anyone who can reach the broker can publish there).");
                } else {
                    ingest.publish(contentType, body, caller.get());
                    return message.ack();
                }
            } catch (ProblemException e) {
                if (e.status() != 429) {
                    refused = e;
                } else if (attempt >= PASSING_FAILURE_ATTEMPTS && brokerRedelivers) {
                    return message.nack(e);
                } else if (attempt >= PASSING_FAILURE_ATTEMPTS) {
                    refused = e;
                } else {
                    // Over the key's publish limit: a passing condition, waited out like an outage.
                    pause();
                }
            } catch (Deadline.Exceeded e) {
                // The message itself takes too long to judge: trying it again would only hold ingest again.
                refused = new ProblemException(422, "/problems/deadline-exceeded", "Too costly",
                        e.getMessage() + "; the message was not stored.", List.of(new FieldError("body",
                                "takes longer than the publish deadline to judge")));
            } catch (RuntimeException e) {
                LOG.warnf("Ingest failed for now (attempt %d): %s", attempt, e.getMessage());
                if (attempt >= PASSING_FAILURE_ATTEMPTS) {
                    if (brokerRedelivers) {
                        return message.nack(e);
                    }
                    refused = new ProblemException(503, "/problems/unavailable", "Service unavailable",
                            "The alert could not be stored now (" + e.getMessage() + "); publish it again.");
                } else {
                    pause();
                }
            }
        }
        String problem = problemJson(refused, source);
        LOG.infof("Ingest refused a message (%s); it went to the dead letters", refused.type());
        return deadLetter.apply(problem).thenCompose(sent -> message.ack());
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String problemJson(ProblemException e, String source) {
        try {
            return json.writeValueAsString(Problem.of(e, source));
        } catch (JsonProcessingException failure) {
            return "{\"type\": \"" + e.type() + "\", \"status\": " + e.status() + "}";
        }
    }

    private static byte[] bytes(Object payload) {
        return payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
    }
}
