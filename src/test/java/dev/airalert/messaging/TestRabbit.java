package dev.airalert.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.airalert.MachineCommands;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The machine's RabbitMQ for tests: a durable queue on the alerts exchange, draining it, rabbitmqctl. */
public final class TestRabbit {

    private TestRabbit() {
    }

    public static ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        return factory;
    }

    /**
     * A new durable queue bound to the alerts exchange with this key (durable, so that what
     * reached it before a broker restart is still there after it); returns its name.
     */
    public static String queue(String bindingKey) throws Exception {
        String queue = "airalert-test-" + System.nanoTime();
        try (Connection connection = factory().newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(RabbitPublisher.EXCHANGE, BuiltinExchangeType.TOPIC, true, false,
                    Map.of("alternate-exchange", RabbitPublisher.UNROUTED));
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, RabbitPublisher.EXCHANGE, bindingKey);
        }
        return queue;
    }

    /** Every message in the queue, as the alert identifiers they carry; then deletes the queue. */
    public static List<String> drainIdentifiers(String queue) throws Exception {
        List<String> identifiers = new ArrayList<>();
        try (Connection connection = factory().newConnection(); Channel channel = connection.createChannel()) {
            for (GetResponse r; (r = channel.basicGet(queue, true)) != null;) {
                identifiers.add(JsonPath.from(new String(r.getBody(), StandardCharsets.UTF_8)).getString("data.identifier"));
            }
            channel.queueDelete(queue);
        }
        return identifiers;
    }

    /** Runs rabbitmqctl (stop_app, start_app) on this machine's broker. */
    public static void ctl(String command) throws Exception {
        MachineCommands.run("rabbitmqctl", command);
    }
}
