package db.migration;

import dev.airalert.cap.CapJson;
import dev.airalert.threat.Threat;
import dev.airalert.threat.Threats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Threat types and levels: every alert gets its {@code threat_type}, {@code threat_level} and
 * {@code threat_reason}, read from its stored document by the very mapping new alerts go
 * through ({@link Threats#of}), so an alert stored before reads the same as one published
 * today; subscriptions get their two new filters, empty (any); the event log gets indexes by
 * alert and by chain. In Java because the mapping
 * reads the CAP document. Alerts are read by id in batches, so the migration holds a batch in
 * memory however many there are.
 */
public class V11__Threat_types_and_levels extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE alert ADD COLUMN threat_type VARCHAR(24)");
            s.execute("ALTER TABLE alert ADD COLUMN threat_level VARCHAR(8)");
            s.execute("ALTER TABLE alert ADD COLUMN threat_reason VARCHAR(" + Threats.REASON_LENGTH + ")");
            s.execute("ALTER TABLE subscription ADD COLUMN threats VARCHAR(300) DEFAULT '' NOT NULL");
            s.execute("ALTER TABLE subscription ADD COLUMN threat_levels VARCHAR(20) DEFAULT '' NOT NULL");
        }
        backfill(c);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE alert ALTER COLUMN threat_type SET NOT NULL");
            s.execute("CREATE INDEX ix_alert_threat_sent ON alert (threat_type, sent_at DESC, id DESC)");
            // The compatible APIs follow an alert's chain (its updates and all-clear) from either end.
            s.execute("CREATE INDEX ix_alert_event_alert ON alert_event (alert_id)");
            s.execute("CREATE INDEX ix_alert_event_chain ON alert_event (chain_key)");
        }
    }

    private static void backfill(Connection c) throws Exception {
        UUID after = null;
        try (PreparedStatement first = c.prepareStatement("SELECT id, document FROM alert ORDER BY id");
                PreparedStatement next = c.prepareStatement("SELECT id, document FROM alert WHERE id > ? ORDER BY id");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE alert SET threat_type = ?, threat_level = ?, threat_reason = ? WHERE id = ?")) {
            first.setMaxRows(BATCH);
            next.setMaxRows(BATCH);
            while (true) {
                PreparedStatement read = after == null ? first : next;
                if (after != null) {
                    next.setObject(1, after);
                }
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        Threat threat = Threats.of(CapJson.readStored(rs.getString(2)));
                        update.setString(1, threat.type());
                        update.setString(2, threat.level());
                        update.setString(3, threat.reason());
                        update.setObject(4, id);
                        update.addBatch();
                        ids.add(id);
                    }
                }
                if (ids.isEmpty()) {
                    return;
                }
                update.executeBatch();
                after = ids.get(ids.size() - 1);
            }
        }
    }
}
