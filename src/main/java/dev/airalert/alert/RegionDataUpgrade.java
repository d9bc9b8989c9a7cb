package dev.airalert.alert;

import dev.airalert.Clocks;
import dev.airalert.region.Gazetteer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the stored regions of alerts in force in step with the region data. An alert's areas
 * are resolved to regions when it is published, with the data loaded then; when the service
 * starts with other data (a release with another gazetteer, an operator's changed region files),
 * every alert still in force (active and not expired, or held for approval) is resolved again,
 * once, before the service reports ready, so that status, region pages, subscriptions and the
 * history's region filter see it at the regions the data has now. Alerts no longer in force
 * (expired, updated, cancelled, Test and Exercise messages, ...) keep what they meant when they
 * were stored: history is a record.
 *
 * <p>No events are sent for it: the alerts themselves did not change, only the regions the
 * service files them under, and subscribers already have them. The next Update or Cancel of
 * such an alert goes out to the subscribers of its regions as they are now.
 *
 * <p>The version row is held locked ({@code SELECT ... FOR UPDATE}) while the alerts are
 * resolved again in transactions of {@link #BATCH} ({@link InForceResolutions}): replicas starting
 * together wait for the one that got the lock, then find the version current. The lock is held on
 * a connection of its own, outside the transaction manager, so that no transaction timeout ends it
 * however many alerts there are. A start with current data costs one query; one with a database
 * without alerts in force (a new one) four small statements.
 */
@ApplicationScoped
class RegionDataUpgrade {

    /** Alerts resolved again per transaction. */
    static final int BATCH = 200;

    private static final Logger LOG = Logger.getLogger(RegionDataUpgrade.class);

    private final AgroalDataSource dataSource;
    private final Gazetteer gazetteer;
    private final InForceResolutions inForce;
    private final Clock clock = Clocks.UTC;

    /** What a start did: how many alerts in force were resolved again, and how many of them differently. */
    record Outcome(boolean upgraded, int resolved, int changed) {
        static final Outcome CURRENT = new Outcome(false, 0, 0);
    }

    RegionDataUpgrade(AgroalDataSource dataSource, Gazetteer gazetteer, InForceResolutions inForce) {
        this.dataSource = dataSource;
        this.gazetteer = gazetteer;
        this.inForce = inForce;
    }

    /** Null once the alerts in force match the region data; else why not yet (the readiness check says it). */
    private volatile String pending = "waiting for the region data to load";

    /**
     * Once the region data is loaded (beside the rest of the start-up, which does not wait for
     * it), on a thread of its own; the readiness check {@code region-data} is DOWN until done. A
     * failure (the database away) is logged and tried again every ten seconds.
     */
    void atStart(@Observes @Priority(3) StartupEvent start) {
        gazetteer.whenLoaded(() -> {
            Thread worker = new Thread(this::upgradeUntilDone, "airalert-region-data");
            worker.setDaemon(true);
            worker.start();
        });
    }

    private void upgradeUntilDone() {
        while (true) {
            try {
                upgrade();
                pending = null;
                return;
            } catch (SQLException | RuntimeException e) {
                pending = "alerts in force not yet resolved again with the region data: " + e.getMessage();
                LOG.errorf(e, "Cannot resolve the alerts in force again with the region data; trying again in 10 s");
            }
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Empty once the alerts in force are resolved with the region data loaded; else why not yet. */
    Optional<String> pending() {
        return Optional.ofNullable(pending);
    }

    Outcome upgrade() throws SQLException {
        String current = gazetteer.version();
        try (Connection c = dataSource.getConnection()) {
            if (current.equals(version(c, false))) {
                return Outcome.CURRENT;
            }
            c.setAutoCommit(false);
            try {
                // Waits here while another replica does the work; then the version is current.
                String stored = version(c, true);
                if (current.equals(stored)) {
                    c.commit();
                    return Outcome.CURRENT;
                }
                long started = System.nanoTime();
                Instant now = clock.instant();
                Outcome outcome = anyInForce(c, now) ? resolveAgain(now) : new Outcome(true, 0, 0);
                store(c, current);
                c.commit();
                LOG.infof("Region data %s (stored resolutions were made with %s): alerts in force resolved again: %d,"
                        + " to other regions: %d, in %d ms; no events sent", abbreviated(current), abbreviated(stored),
                        outcome.resolved(), outcome.changed(), (System.nanoTime() - started) / 1_000_000);
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static String version(Connection c, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM region_data_version WHERE id = 1"
                + (lock ? " FOR UPDATE" : ""));
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void store(Connection c, String version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE region_data_version SET version = ?, updated_at = CURRENT_TIMESTAMP WHERE id = 1")) {
            s.setString(1, version);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO region_data_version (id, version, updated_at) VALUES (1, ?, CURRENT_TIMESTAMP)")) {
            s.setString(1, version);
            s.executeUpdate();
        }
    }

    /** A database without alerts in force, a new one above all, is done at once. */
    private static boolean anyInForce(Connection c, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM alert WHERE " + InForceResolutions.IN_FORCE + " FETCH FIRST 1 ROWS ONLY")) {
            s.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Outcome resolveAgain(Instant now) throws SQLException {
        int resolved = 0;
        int changed = 0;
        UUID after = null;
        while (true) {
            InForceResolutions.Batch batch = inForce.next(after, now, BATCH);
            resolved += batch.resolved();
            changed += batch.changed();
            if (batch.resolved() < BATCH) {
                return new Outcome(true, resolved, changed);
            }
            after = batch.last();
        }
    }

    private static String abbreviated(String version) {
        return version == null ? "unknown data" : version.substring(0, Math.min(12, version.length()));
    }
}
