package dev.airalert.alert;

import dev.airalert.NativeValues;
import dev.airalert.cap.CapJson;
import dev.airalert.region.RegionResolver;
import dev.airalert.region.Resolution;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The stored resolutions of the alerts in force, resolved again with the current region data a
 * batch at a time: one transaction reads and locks the next alerts in id order (an Update or
 * Cancel that reaches one meanwhile waits for the batch), resolves each stored document again and
 * replaces the region rows and per-area resolution of those that come out differently. Plain JDBC
 * with batched statements: through the entities every alert cost a query for its document and a
 * rewrite of its whole row.
 */
@ApplicationScoped
class InForceResolutions {

    /** Alerts in force at {@code ?}: active and not expired, or held for approval and not expired. */
    static final String IN_FORCE = "state IN ('active', 'pending-approval') AND (expires_at IS NULL OR expires_at > ?)";

    private static final Logger LOG = Logger.getLogger(InForceResolutions.class);

    private final AgroalDataSource dataSource;
    private final RegionResolver resolver;

    /** One batch: how many alerts it read, how many came out differently, and the last id. */
    record Batch(int resolved, int changed, UUID last) {
    }

    private record Resolved(UUID id, Instant sentAt, Resolution resolution, String json) {
    }

    InForceResolutions(AgroalDataSource dataSource, RegionResolver resolver) {
        this.dataSource = dataSource;
        this.resolver = resolver;
    }

    /** Resolves again up to {@code limit} alerts in force at {@code now} after {@code after} (null: the first). */
    Batch next(UUID after, Instant now, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Batch batch = next(c, after, now, limit);
                c.commit();
                return batch;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Batch next(Connection c, UUID after, Instant now, int limit) throws SQLException {
        List<Resolved> read = new ArrayList<>();
        Map<UUID, String> storedJson = new HashMap<>();
        UUID last = null;
        try (PreparedStatement s = c.prepareStatement("SELECT id, sent_at, document, area_resolution FROM alert WHERE "
                + IN_FORCE + (after == null ? "" : " AND id > ?") + " ORDER BY id FETCH FIRST " + limit
                + " ROWS ONLY FOR UPDATE")) {
            s.setTimestamp(1, Timestamp.from(now));
            if (after != null) {
                s.setObject(2, after);
            }
            // A few documents at a time: each may be up to a megabyte, only its resolution is kept.
            s.setFetchSize(20);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    last = NativeValues.uuid(rs.getObject(1));
                    storedJson.put(last, rs.getString(4));
                    Resolution resolution = resolve(last, rs.getString(3));
                    if (resolution != null) {
                        read.add(new Resolved(last, NativeValues.instant(rs.getObject(2)), resolution,
                                ResolutionJson.write(resolution)));
                    }
                }
            }
        }
        Map<UUID, Map<String, Boolean>> rows = regionRows(c, read);
        List<Resolved> changed = read.stream().filter(r -> !r.json().equals(storedJson.get(r.id()))
                || !r.resolution().partialByRegion().equals(rows.getOrDefault(r.id(), Map.of()))).toList();
        replace(c, changed);
        return new Batch(storedJson.size(), changed.size(), last);
    }

    /** Null when the resolver fails on it: one such alert must not keep the service from starting. */
    private Resolution resolve(UUID id, String document) {
        try {
            return resolver.resolve(CapJson.readStored(document));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Alert %s keeps the regions it was stored with: resolving it again failed", id);
            return null;
        }
    }

    private static Map<UUID, Map<String, Boolean>> regionRows(Connection c, List<Resolved> alerts) throws SQLException {
        Map<UUID, Map<String, Boolean>> rows = new HashMap<>();
        if (alerts.isEmpty()) {
            return rows;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT alert_id, region_code, partial FROM alert_region"
                + " WHERE alert_id IN (" + String.join(", ", Collections.nCopies(alerts.size(), "?")) + ")")) {
            for (int i = 0; i < alerts.size(); i++) {
                s.setObject(i + 1, alerts.get(i).id());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(NativeValues.uuid(rs.getObject(1)), id -> new TreeMap<>())
                            .put(rs.getString(2), rs.getBoolean(3));
                }
            }
        }
        return rows;
    }

    private static void replace(Connection c, List<Resolved> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE alert SET area_resolution = ? WHERE id = ?");
                PreparedStatement delete = c.prepareStatement("DELETE FROM alert_region WHERE alert_id = ?");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO alert_region (alert_id, region_code, sent_at, partial) VALUES (?, ?, ?, ?)")) {
            for (Resolved r : changed) {
                update.setString(1, r.json());
                update.setObject(2, r.id());
                update.addBatch();
                delete.setObject(1, r.id());
                delete.addBatch();
                for (Map.Entry<String, Boolean> region : r.resolution().partialByRegion().entrySet()) {
                    insert.setObject(1, r.id());
                    insert.setString(2, region.getKey());
                    insert.setTimestamp(3, Timestamp.from(r.sentAt()));
                    insert.setBoolean(4, region.getValue());
                    insert.addBatch();
                }
            }
            update.executeBatch();
            delete.executeBatch();
            insert.executeBatch();
        }
    }
}
