package dev.airalert.alert;

import dev.airalert.cap.CapJson;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.RegionResolver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps the stored regions of alerts in force in step with the region data. An alert's areas
 * are resolved to regions when it is published, with the data loaded then; when the service
 * starts with other data (a release with another gazetteer, an operator's changed region files),
 * every alert still in force (active and not expired, or held for approval) is resolved again,
 * once, before the service takes traffic, so that status, region pages, subscriptions and the
 * history's region filter see it at the regions the data has now. Alerts no longer in force
 * (expired, updated, cancelled, Test and Exercise messages, ...) keep what they meant when they
 * were stored: history is a record.
 *
 * <p>No events are sent for it: the alerts themselves did not change, only the regions the
 * service files them under, and subscribers already have them. The next Update or Cancel of
 * such an alert goes out to the subscribers of its regions as they are now.
 *
 * <p>The version row is held locked ({@code SELECT ... FOR UPDATE}) while the alerts are
 * resolved again in transactions of {@link #BATCH}: replicas starting together wait for the one
 * that got the lock, then find the version current. The lock is held on a connection of its own,
 * outside the transaction manager, so that no transaction timeout ends it however many alerts
 * there are. A start with current data costs one query.
 */
@ApplicationScoped
class RegionDataUpgrade {

    /** Alerts resolved again per transaction. */
    static final int BATCH = 200;

    private static final Logger LOG = Logger.getLogger(RegionDataUpgrade.class);

    private final AgroalDataSource dataSource;
    private final Gazetteer gazetteer;
    private final RegionResolver resolver;
    private final AlertRepository alerts;
    private final Clock clock = Clock.systemUTC();

    /** What a start did: how many alerts in force were resolved again, and how many of them differently. */
    record Outcome(boolean upgraded, int resolved, int changed) {
        static final Outcome CURRENT = new Outcome(false, 0, 0);
    }

    private record Batch(int resolved, int changed, UUID last) {
    }

    RegionDataUpgrade(AgroalDataSource dataSource, Gazetteer gazetteer, RegionResolver resolver,
            AlertRepository alerts) {
        this.dataSource = dataSource;
        this.gazetteer = gazetteer;
        this.resolver = resolver;
        this.alerts = alerts;
    }

    /** After the master key checks (priorities 1 and 2), before the workers (default priority) start. */
    void atStart(@Observes @Priority(3) StartupEvent start) throws SQLException {
        upgrade();
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
                Outcome outcome = current.equals(stored) ? Outcome.CURRENT : resolveAgain(stored, current);
                if (outcome.upgraded()) {
                    store(c, current);
                }
                c.commit();
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

    private Outcome resolveAgain(String from, String to) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int resolved = 0;
        int changed = 0;
        UUID after = null;
        while (true) {
            UUID last = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> resolveBatch(last, now));
            resolved += batch.resolved();
            changed += batch.changed();
            if (batch.resolved() < BATCH) {
                break;
            }
            after = batch.last();
        }
        LOG.infof("Region data %s (stored resolutions were made with %s): %d alerts in force resolved again,"
                + " %d of them to other regions, in %d ms; no events sent", abbreviated(to), abbreviated(from),
                resolved, changed, (System.nanoTime() - started) / 1_000_000);
        return new Outcome(true, resolved, changed);
    }

    private Batch resolveBatch(UUID after, Instant now) {
        List<Alert> found = alerts.lockInForce(after, now, BATCH);
        int changed = 0;
        for (Alert alert : found) {
            if (resolveAgain(alert)) {
                changed++;
                alerts.flush();
            }
            // Let go of its document (up to megabytes) before reading the next.
            alerts.getEntityManager().detach(alert);
        }
        return new Batch(found.size(), changed, found.isEmpty() ? null : found.get(found.size() - 1).id());
    }

    private boolean resolveAgain(Alert alert) {
        try {
            return alert.resolvedAgain(resolver.resolve(CapJson.readStored(alert.document())));
        } catch (RuntimeException e) {
            // One alert the resolver fails on must not keep the service from starting.
            LOG.warnf(e, "Alert %s keeps the regions it was stored with: resolving it again failed", alert.id());
            return false;
        }
    }

    private static String abbreviated(String version) {
        return version == null ? "unknown data" : version.substring(0, Math.min(12, version.length()));
    }
}
