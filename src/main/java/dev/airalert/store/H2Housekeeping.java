package dev.airalert.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Does the housekeeping of H2's background writer for the embedded default's file. The
 * embedded URL writes every commit to the file before the commit returns
 * ({@code WRITE_DELAY=0}), so that an answered publish survives a crash; H2 then runs no
 * background writer, and that writer is also what rewrites half-empty chunks and moves
 * chunks to close gaps. Each commit leaves a chunk in the file, most of it soon replaced by
 * later commits but kept by a few live pages: without housekeeping the file grew with every
 * commit, at ten times the rate of its data. This runs the writer's own step (H2 has no
 * public call for it) on a thread of its own, as often as the writer would, and stops it
 * without an interrupt, which must never reach H2.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
class H2Housekeeping {

    /** As often as H2's writer would run at its default write delay (a third of 500 ms). */
    static final long PERIOD_MILLIS = 166;
    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class);
    private static final Method WRITER_STEP = writerStep();

    private final AgroalDataSource dataSource;
    private ScheduledExecutorService executor;

    H2Housekeeping(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "airalert-h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::round, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void round() {
        try (Connection connection = dataSource.getConnection()) {
            run(connection);
        } catch (SQLException | RuntimeException e) {
            // Closing, or the database is away: the next round tries again.
            LOG.debugf("H2 housekeeping skipped: %s", e.getMessage());
        }
    }

    /** One step on the file database behind this (embedded H2) connection. */
    static void run(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            return;
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        FileStore<?> file = store.getFileStore();
        if (file == null || store.isClosed()) {
            return;
        }
        try {
            WRITER_STEP.invoke(file);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("H2 housekeeping failed", e);
        }
    }

    /** H2's {@code FileStore.writeInBackground()}: commits what is pending, then compacts. */
    private static Method writerStep() {
        try {
            Method step = FileStore.class.getDeclaredMethod("writeInBackground");
            step.setAccessible(true);
            return step;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("This H2 version has no FileStore.writeInBackground(): see H2Housekeeping", e);
        }
    }
}
