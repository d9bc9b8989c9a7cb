package dev.airalert.messaging;

import dev.airalert.AirAlertConfig;
import dev.airalert.event.EventLog;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Kafka: one record per covered oblast-level region on the topic {@code alerts}, keyed by its
 * code (a raion's or hromada's alert by its oblast's, so an oblast's events stay in order on one
 * partition, as before raions and hromadas were regions), the event JSON as value, headers
 * {@code message-id} (the event id) and {@code type}. Done when the broker acknowledged
 * every record of the event ({@code acks=all}).
 */
@ApplicationScoped
class KafkaPublisher implements BrokerPublisher {

    static final String TOPIC = "alerts";

    private final Emitter<String> emitter;
    private final boolean enabled;
    private final Places places;

    KafkaPublisher(@Channel("alerts-kafka") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 65_536)
            Emitter<String> emitter, AirAlertConfig config, Places places) {
        this.emitter = emitter;
        this.places = places;
        this.enabled = config.messaging().kafka().enabled();
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public List<CompletableFuture<Void>> publish(List<EventLog.Entry> events) {
        return events.stream().map(this::publish).toList();
    }

    private CompletableFuture<Void> publish(EventLog.Entry event) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (String region : places.oblastLevel(event.regions())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("message-id", event.id().getBytes(StandardCharsets.UTF_8));
            headers.add("type", event.type().getBytes(StandardCharsets.UTF_8));
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(TOPIC).withKey(region).withHeaders(headers).build();
            acks.add(Publishing.send(emitter, event.body(), Metadata.of(metadata)));
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
    }
}
