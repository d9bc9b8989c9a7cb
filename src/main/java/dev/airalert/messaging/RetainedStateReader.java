package dev.airalert.messaging;

import dev.airalert.AirAlertConfig;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the place state topics back from the MQTT broker for {@link RetainedStates}, while MQTT
 * publishing is switched on: subscribes to every place's state (the retained messages come
 * first, then whatever any instance publishes), and on a lost connection forgets them all and
 * connects again every few seconds, the broker the alerts are published to.
 */
@ApplicationScoped
class RetainedStateReader {

    /** Every place's state topic: {@code places/<country>/<oblast>/<raion>/<hromada>/state}. */
    static final String TOPICS = "places/+/+/+/+/state";
    private static final Logger LOG = Logger.getLogger(RetainedStateReader.class);
    private static final long RECONNECT_MILLIS = 2_000;
    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private final Vertx vertx;
    private final RetainedStates states;
    private final boolean enabled;
    private final String host;
    private final int port;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile MqttClient client;

    RetainedStateReader(Vertx vertx, RetainedStates states, AirAlertConfig config,
            @ConfigProperty(name = "mp.messaging.outgoing.alerts-mqtt.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "mp.messaging.outgoing.alerts-mqtt.port", defaultValue = "1883") int port,
            @ConfigProperty(name = "mp.messaging.outgoing.alerts-mqtt.username") Optional<String> username,
            @ConfigProperty(name = "mp.messaging.outgoing.alerts-mqtt.password") Optional<String> password) {
        this.vertx = vertx;
        this.states = states;
        this.enabled = config.messaging().mqtt().enabled();
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            running = true;
            connect();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        MqttClient current = client;
        if (current != null && current.isConnected()) {
            current.disconnect();
        }
    }

    private synchronized void connect() {
        if (!running) {
            return;
        }
        // Up to 1 MB a message: the client's default (8 KB) closed the connection amid the burst of retained states.
        MqttClientOptions options = new MqttClientOptions().setClientId("airalert-states-" + UUID.randomUUID())
                .setCleanSession(true).setAutoKeepAlive(true).setMaxMessageSize(MAX_MESSAGE_BYTES);
        username.ifPresent(options::setUsername);
        password.ifPresent(options::setPassword);
        MqttClient next = MqttClient.create(vertx, options);
        client = next;
        next.publishHandler(m -> states.heard(m.topicName(), m.payload().toString(StandardCharsets.UTF_8)));
        next.closeHandler(closed -> retry(next));
        next.connect(port, host).compose(connected -> {
            states.listening();
            // QoS 0: a broker holds back QoS 1 messages beyond a few in flight and drops them once its queue
            // for the client is full (Mosquitto: 1,000), which some 1,600 retained states at once exceed.
            return next.subscribe(TOPICS, MqttQoS.AT_MOST_ONCE.value());
        }).onFailure(failure -> {
            LOG.debugf("Reading the place states from MQTT: %s; trying again", failure.getMessage());
            if (next.isConnected()) {
                next.disconnect();
            }
            retry(next);
        });
    }

    /** Once per client that failed or closed: forget what it heard, connect a new one a little later. */
    private synchronized void retry(MqttClient failed) {
        if (client != failed) {
            return;
        }
        client = null;
        states.deaf();
        if (running) {
            vertx.setTimer(RECONNECT_MILLIS, id -> connect());
        }
    }
}
