package dev.airalert.messaging;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.ConfigValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code airalert.messaging.<broker>.enabled} into the broker channel's connector: the
 * real one when switched on, {@link SwitchedOffConnector} otherwise, so that a service with
 * no broker neither connects anywhere nor reports a broker as down. An explicit
 * {@code mp.messaging.outgoing.<channel>.connector} still wins (this source ranks low).
 */
public class BrokerSwitches implements ConfigSourceFactory {

    private static final Map<String, String[]> CHANNELS = Map.of(
            "rabbitmq", new String[] {"alerts-rabbitmq", "smallrye-rabbitmq"},
            "mqtt", new String[] {"alerts-mqtt", "smallrye-mqtt"},
            "kafka", new String[] {"alerts-kafka", "smallrye-kafka"});

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> properties = new HashMap<>();
        CHANNELS.forEach((broker, channel) -> {
            ConfigValue enabled = context.getValue("airalert.messaging." + broker + ".enabled");
            boolean on = enabled != null && "true".equalsIgnoreCase(enabled.getValue());
            properties.put("mp.messaging.outgoing." + channel[0] + ".connector", on ? channel[1] : SwitchedOffConnector.NAME);
        });
        return List.of(new PropertiesConfigSource(properties, "airalert broker switches", 50));
    }
}
