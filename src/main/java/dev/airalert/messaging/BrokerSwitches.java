package dev.airalert.messaging;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the broker switches ({@code airalert.messaging.<broker>.enabled},
 * {@code airalert.messaging.ingest.<broker>}) into their channels' connectors: the
 * real one when switched on, {@link SwitchedOffConnector} otherwise, so that a service with
 * no broker neither connects anywhere nor reports a broker as down. An explicit
 * {@code mp.messaging.outgoing.<channel>.connector} still wins (this source ranks low).
 */
public class BrokerSwitches implements ConfigSourceFactory {

    /** Switch, then the channels it governs ("direction.channel") and their real connector. */
    private static final List<String[]> SWITCHES = List.of(
            new String[] {"airalert.messaging.rabbitmq.enabled", "smallrye-rabbitmq", "outgoing.alerts-rabbitmq",
                "outgoing.places-rabbitmq"},
            new String[] {"airalert.messaging.mqtt.enabled", "smallrye-mqtt", "outgoing.alerts-mqtt"},
            new String[] {"airalert.messaging.kafka.enabled", "smallrye-kafka", "outgoing.alerts-kafka"},
            new String[] {"airalert.messaging.ingest.rabbitmq", "smallrye-rabbitmq", "incoming.alerts-ingest-rabbitmq",
                "outgoing.alerts-ingest-dlq-rabbitmq"},
            new String[] {"airalert.messaging.ingest.mqtt", "smallrye-mqtt", "incoming.alerts-ingest-mqtt",
                "outgoing.alerts-ingest-dlq-mqtt"});

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> properties = new HashMap<>();
        for (String[] entry : SWITCHES) {
            ConfigValue enabled = context.getValue(entry[0]);
            boolean on = enabled != null && "true".equalsIgnoreCase(enabled.getValue());
            for (int i = 2; i < entry.length; i++) {
                properties.put("mp.messaging." + entry[i] + ".connector", on ? entry[1] : SwitchedOffConnector.NAME);
            }
        }
        return List.of(new PropertiesConfigSource(properties, "airalert broker switches", 50));
    }
}
