package dev.airalert.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Rewrites the half-empty parts of the embedded default's H2 file, every second. The
 * embedded URL writes every commit to the file before the commit returns
 * ({@code WRITE_DELAY=0}), so that an answered publish survives a crash; H2 then runs no
 * background writer, and that writer is also what compacts the file. Each commit leaves a
 * small chunk in the file, most of it replaced by later commits but kept by a few live
 * pages: without this the file grew about ten times faster than its data. Holding H2's
 * store lock, a round rewrites at most {@link #WRITE_LIMIT} bytes, so commits wait for it
 * only briefly.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
class H2FileCompaction {

    /** Below this share of live data the oldest chunks are rewritten (H2's own housekeeping aims at 90% at rest). */
    static final int TARGET_FILL_RATE = 80;
    /** At most this many bytes rewritten a round. */
    static final int WRITE_LIMIT = 4 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(H2FileCompaction.class);

    private final AgroalDataSource dataSource;

    H2FileCompaction(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            compact(connection);
        } catch (SQLException | RuntimeException e) {
            // Closing, or the database is away: the next round tries again.
            LOG.debugf("H2 file compaction skipped: %s", e.getMessage());
        }
    }

    /** One round on the file database behind this connection (an embedded H2 one); true if something was rewritten. */
    static boolean compact(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local)) {
            return false;
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.getFileStore() != null && !store.isClosed() && store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
    }
}
