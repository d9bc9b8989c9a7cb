package dev.airalert.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer's view of the real RabbitMQ in tests: a queue of its own, bound as asked, and what arrives on it. */
final class RabbitQueues {

    /** A message as it arrived: its routing key, properties and JSON body. */
    record Delivered(String routingKey, AMQP.BasicProperties properties, JsonPath body) {
    }

    private RabbitQueues() {
    }

    /** Binds a new server-named queue to the exchange with the key; the list fills as messages arrive. */
    static List<Delivered> consume(Channel channel, String exchange, String bindingKey) throws IOException {
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, bindingKey);
        List<Delivered> got = new CopyOnWriteArrayList<>();
        channel.basicConsume(queue, true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                got.add(new Delivered(envelope.getRoutingKey(), properties,
                        JsonPath.from(new String(body, StandardCharsets.UTF_8))));
            }
        });
        return got;
    }
}
