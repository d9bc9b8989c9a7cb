package dev.airalert.alert;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The history queries are answered from indexes on PostgreSQL. The test tables are small,
 * where a sequential scan is cheapest, so sequential scans are priced out for this check:
 * what it proves is that an index serving each query shape exists and is usable. The
 * benchmark script in bench/ shows the plans on millions of rows.
 */
@QuarkusTest
class HistoryIndexTest {

    @Inject
    AgroalDataSource dataSource;

    private String plan(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SET LOCAL enable_seqscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            return plan.toString();
        }
    }

    @Test
    void newestFirstHistoryWalksTheStatusIndex() throws SQLException {
        String plan = plan("SELECT a.* FROM alert a WHERE a.status IN ('Actual')"
                + " AND a.sent_at <= now() AND (a.sent_at < now() OR a.id < gen_random_uuid())"
                + " ORDER BY a.sent_at DESC, a.id DESC LIMIT 51");
        assertThat(plan, containsString("ix_alert_status_sent"));
        assertThat(plan, not(containsString("Sort")));
    }

    @Test
    void regionHistoryMergesTheRangesOfTheRegionIndex() throws SQLException {
        String plan = plan("SELECT a.id FROM ((SELECT r.alert_id AS alert_id, r.sent_at AS sent_at,"
                + " r.region_code AS region_code FROM alert_region r WHERE r.region_code = 'UA'"
                + " ORDER BY r.sent_at DESC, r.alert_id DESC) UNION ALL (SELECT r.alert_id, r.sent_at, r.region_code"
                + " FROM alert_region r WHERE r.region_code = 'UA-30' ORDER BY r.sent_at DESC, r.alert_id DESC))"
                + " m JOIN alert a ON a.id = m.alert_id WHERE NOT EXISTS (SELECT 1 FROM alert_region d"
                + " WHERE d.alert_id = m.alert_id AND d.region_code IN ('UA', 'UA-30') AND d.region_code < m.region_code)"
                + " AND a.status IN ('Actual') ORDER BY m.sent_at DESC, m.alert_id DESC LIMIT 51");
        assertThat(plan, containsString("ix_alert_region_sent"));
        assertThat(plan, containsString("Merge Append"));
    }

    @Test
    void eventAndSenderFiltersHaveIndexes() throws SQLException {
        assertThat(plan("SELECT a.* FROM alert a WHERE a.sender = 'x'"
                + " ORDER BY a.sent_at DESC, a.id DESC LIMIT 51"), containsString("ix_alert_sender_sent"));
        assertThat(plan("SELECT 1 FROM alert_info i WHERE i.event_key = 'air raid'"
                + " ORDER BY i.sent_at DESC, i.alert_id DESC LIMIT 51"), containsString("ix_alert_info_event_sent"));
        assertThat(plan("SELECT 1 FROM alert a WHERE a.threat_type = 'drones'"
                + " ORDER BY a.sent_at DESC, a.id DESC LIMIT 51"), containsString("ix_alert_threat_sent"));
        assertThat(plan("SELECT 1 FROM alert a WHERE a.state = 'active' AND a.expires_at > now()"),
                containsString("ix_alert_state_expires"));
        assertThat(plan("SELECT a.id FROM alert a WHERE a.status IN ('Actual') AND a.msg_type IN ('Update')"
                + " ORDER BY a.sent_at DESC, a.id DESC LIMIT 51"), containsString("ix_alert_status_msg_type_sent"));
    }
}
