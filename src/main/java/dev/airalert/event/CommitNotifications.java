package dev.airalert.event;

import dev.airalert.worker.Supervisor;
import dev.airalert.worker.Worker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance at once that events were committed, on PostgreSQL: the publish
 * transaction sends {@code NOTIFY airalert_events} (delivered when it commits), and each
 * instance listens on a connection of its own, outside the pool (so that a connection that
 * died under it never goes back to the pool), and fires {@link EventsCommitted}, which wakes
 * its stream, fan-out and broker relays. So a stream on one replica carries an event
 * published through another within milliseconds instead of a poll interval. The polls stay,
 * as the fallback for H2 and for the moments the listening connection is being re-opened
 * (after a database restart, or after the listener, a worker of the {@link Supervisor}, died
 * and was started again: it opens a connection of its own again).
 */
@ApplicationScoped
public class CommitNotifications {

    static final String CHANNEL = "airalert_events";
    private static final Logger LOG = Logger.getLogger(CommitNotifications.class);
    private static final int WAIT_MILLIS = 1_000;
    /** A quiet connection is checked this often, so that a silently dead one is noticed. */
    private static final int CHECK_EVERY_WAITS = 15;

    private final Event<EventsCommitted> committed;
    private final Supervisor supervisor;
    private final boolean postgres;
    private final Optional<String> url;
    private final Properties credentials = new Properties();
    private volatile boolean running;
    private Worker listener;

    CommitNotifications(Event<EventsCommitted> committed, Supervisor supervisor,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.committed = committed;
        this.supervisor = supervisor;
        this.postgres = Set.of("postgresql", "postgres", "pgsql", "pg").contains(dbKind.toLowerCase(Locale.ROOT));
        this.url = url;
        username.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("ApplicationName", "airalert-notifications");
    }

    /** In the publish transaction: tells the other instances once it commits. */
    void notifyOnCommit(EntityManager em) {
        if (postgres) {
            em.createNativeQuery("NOTIFY " + CHANNEL).executeUpdate();
        }
    }

    void start(@Observes StartupEvent event) {
        if (!postgres || url.isEmpty()) {
            return;
        }
        running = true;
        listener = supervisor.start("airalert-notifications", this::listen);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (listener != null) {
            listener.stop();
        }
        running = false;
        if (listener != null) {
            listener.join(Duration.ofMillis(2 * WAIT_MILLIS));
        }
    }

    private void listen() {
        boolean warned = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url.get(), credentials)) {
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
                for (int quiet = 0; running; ) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        committed.fire(new EventsCommitted());
                        quiet = 0;
                    } else if (++quiet >= CHECK_EVERY_WAITS) {
                        quiet = 0;
                        if (!connection.isValid(5)) {
                            throw new SQLException("the listening connection stopped answering");
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    if (!warned) {
                        LOG.warnf("Not listening for other instances' commits (%s); polling until the database answers",
                                e.getMessage());
                        warned = true;
                    }
                    try {
                        Thread.sleep(WAIT_MILLIS);
                    } catch (InterruptedException interrupted) {
                        // This run ends; the supervisor starts another unless the service is stopping.
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
