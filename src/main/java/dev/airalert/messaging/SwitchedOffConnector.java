package dev.airalert.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * The connector of a broker channel that is switched off: it connects to nothing, brings
 * nothing in, and refuses whatever reaches it (nothing does: the relay publishes only
 * through switched-on brokers). It lets the channels exist in every configuration without a broker to talk to.
 */
@ApplicationScoped
@Connector(SwitchedOffConnector.NAME)
class SwitchedOffConnector implements OutboundConnector, InboundConnector {

    static final String NAME = "airalert-switched-off";

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        return Multi.createFrom().nothing();
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        return new Flow.Subscriber<Message<?>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<?> message) {
                message.nack(new IllegalStateException("this broker is switched off"));
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        };
    }
}
