package dev.airalert.delivery;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance at once that events were committed, on PostgreSQL: the publish
 * transaction sends {@code NOTIFY airalert_events} (delivered when it commits), and each
 * instance listens on a connection of its own and fires {@link EventsCommitted}, which wakes
 * its stream, fan-out and broker relays. So a stream on one replica carries an event
 * published through another within milliseconds instead of a poll interval. The polls stay,
 * as the fallback for H2 and for the moments the listening connection is being re-opened
 * (after a database restart, say).
 */
@ApplicationScoped
public class CommitNotifications {

    static final String CHANNEL = "airalert_events";
    private static final Logger LOG = Logger.getLogger(CommitNotifications.class);
    private static final int WAIT_MILLIS = 1_000;

    private final AgroalDataSource dataSource;
    private final Event<EventsCommitted> committed;
    private final boolean postgres;
    private volatile boolean running;
    private Thread listener;

    CommitNotifications(AgroalDataSource dataSource, Event<EventsCommitted> committed,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.committed = committed;
        this.postgres = dbKind.startsWith("postgres");
    }

    /** In the publish transaction: tells the other instances once it commits. */
    void notifyOnCommit(EntityManager em) {
        if (postgres) {
            em.createNativeQuery("NOTIFY " + CHANNEL).executeUpdate();
        }
    }

    void start(@Observes StartupEvent event) {
        if (!postgres) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "airalert-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (listener != null) {
            listener.join(2 * WAIT_MILLIS);
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (warned) {
                    LOG.info("Listening for other instances' commits again");
                    warned = false;
                }
                // What was committed while not listening is found by the polls; one wake-up covers it.
                committed.fire(new EventsCommitted());
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        committed.fire(new EventsCommitted());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    if (!warned) {
                        LOG.warnf("Not listening for other instances' commits (%s); polling until the database answers",
                                e.getMessage());
                        warned = true;
                    }
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
