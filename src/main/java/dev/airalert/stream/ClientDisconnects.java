package dev.airalert.stream;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpClosedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler;

/**
 * A reader going away is routine for a public stream, not an error. Quarkus REST writes the
 * stream's events itself and logs a write that failed at ERROR, with its stack trace: when a
 * browser closes the connection between two writes (its reset arrives before the connection's
 * close is noticed), the next event or keep-alive fails with "Connection reset by peer" or
 * "Broken pipe". Those records of the writer's logger are logged here at DEBUG instead; any
 * other failure it reports stays an ERROR.
 */
@ApplicationScoped
class ClientDisconnects implements Filter {

    /** The logger of Quarkus REST's writer of streamed results, which this filter sits on. */
    static final String WRITER = PublisherResponseHandler.class.getName();

    private static final Logger LOG = Logger.getLogger(ClientDisconnects.class);
    /** Held so that the logger, with its filter, is never collected and created afresh without it. */
    private static java.util.logging.Logger writer;

    void install(@Observes StartupEvent event) {
        writer = java.util.logging.Logger.getLogger(WRITER);
        writer.setFilter(this);
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!clientGone(record.getThrown())) {
            return true;
        }
        LOG.debugf("Stream: a reader went away (%s)", record.getThrown().getMessage());
        return false;
    }

    /** Whether a failure says the other end has closed or reset the connection. */
    static boolean clientGone(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof HttpClosedException) {
                return true;
            }
            String message = t.getMessage();
            if (t instanceof IOException && message != null
                    && (message.contains("Connection reset") || message.contains("Broken pipe"))) {
                return true;
            }
        }
        return false;
    }
}
