package dev.airalert.threat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upgrading a database of the release before threats (schema version 10): every stored alert
 * gets the threat its document maps to, the same as if it were published today, and
 * subscriptions get empty threat filters. Runs the real migrations on a scratch PostgreSQL
 * database and on an in-memory H2 one (the embedded default's database).
 */
class ThreatMigrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    /** More than two of the migration's batches of 500. */
    private static final int MANY = 1_100;

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void storedAlertsGetTheThreatTheirDocumentsMapTo(String kind) throws Exception {
        String name = "airalert_threats_" + UUID.randomUUID().toString().replace("-", "");
        String url = kind.equals("h2") ? "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" : SERVER + name;
        if (kind.equals("postgresql")) {
            execute(SERVER + "airalert_test", "CREATE DATABASE " + name);
        }
        try {
            upgrade(url);
        } finally {
            if (kind.equals("postgresql")) {
                execute(SERVER + "airalert_test", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } else {
                execute(url, "SHUTDOWN");
            }
        }
    }

    private static void upgrade(String url) throws Exception {
        flyway(url, "10").migrate();
        UUID named = UUID.randomUUID();
        UUID airRaid = UUID.randomUUID();
        UUID chemical = UUID.randomUUID();
        UUID cancel = UUID.randomUUID();
        UUID badValues = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            alert(c, named, info("Повітряна тривога", "Security",
                    "\"eventCode\": [{\"valueName\": \"airalert:threat\", \"value\": \"missiles\"}],"
                            + " \"parameter\": [{\"valueName\": \"airalert:threat-level\", \"value\": \"yellow\"},"
                            + " {\"valueName\": \"airalert:threat-reason\", \"value\": \"Пуски ракет\"}],"));
            alert(c, airRaid, info("Повітряна тривога", "Security", ""));
            alert(c, chemical, info("Leak", "CBRNE", ""));
            alert(c, cancel, "");
            alert(c, badValues, info("Drone attack", "Security",
                    "\"eventCode\": [{\"valueName\": \"airalert:threat\", \"value\": \"hail\"}],"));
            try (PreparedStatement s = c.prepareStatement(insertAlert())) {
                for (int i = 0; i < MANY; i++) {
                    bind(s, UUID.randomUUID(), info("Загроза застосування БПЛА", "Security", ""));
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO subscription (id, owner, url, events, urgencies, certainties, statuses, languages,"
                        + " secret, enabled, created_at, updated_at) VALUES ('" + UUID.randomUUID() + "', 'k',"
                        + " 'http://127.0.0.1:9/hook', '', '', '', 'Actual', '', 'whsec_x', TRUE, CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP)");
            }
        }

        flyway(url, "11").migrate();

        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            assertEquals(List.of("missiles", "yellow", "Пуски ракет"), threat(c, named), "as the publisher named it");
            assertEquals(Arrays.asList("air_raid", null, null), threat(c, airRaid));
            assertEquals(Arrays.asList("chemical", null, null), threat(c, chemical), "by category");
            assertEquals(Arrays.asList("info", null, null), threat(c, cancel), "no info: a notice");
            assertEquals(Arrays.asList("drones", "yellow", null), threat(c, badValues),
                    "a value stored before it was checked is passed over");
            assertEquals(List.of(List.of("drones", "yellow", String.valueOf(MANY))), rows(c,
                    "SELECT threat_type, threat_level, COUNT(*) FROM alert WHERE threat_type = 'drones'"
                            + " AND id <> '" + badValues + "' GROUP BY threat_type, threat_level"),
                    "every batch");
            assertEquals(List.of(Arrays.asList("", "")), rows(c, "SELECT threats, threat_levels FROM subscription"));
        }
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration")
                .target(target).load();
    }

    /** One info block's JSON with this event and category, {@code more} (ending in a comma) inside it. */
    private static String info(String event, String category, String more) {
        return "\"info\": [{\"language\": \"uk-UA\", \"category\": [\"" + category + "\"], \"event\": \"" + event + "\","
                + more + " \"urgency\": \"Immediate\", \"severity\": \"Extreme\", \"certainty\": \"Observed\"}]";
    }

    private static String insertAlert() {
        return "INSERT INTO alert (id, sender, identifier, sent_at, status, msg_type, scope, state, received_at,"
                + " source_format, content_hash, document) VALUES (?, 'civil-defence@alerts.example', ?, ?, 'Actual',"
                + " 'Alert', 'Public', 'active', ?, 'json', 'h', ?)";
    }

    private static void alert(Connection c, UUID id, String info) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(insertAlert())) {
            bind(s, id, info);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, UUID id, String info) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        s.setObject(1, id);
        s.setString(2, id.toString());
        s.setTimestamp(3, now);
        s.setTimestamp(4, now);
        s.setString(5, "{\"identifier\": \"" + id + "\", \"sender\": \"civil-defence@alerts.example\","
                + " \"sent\": \"2026-11-25T08:00:00+02:00\", \"status\": \"Actual\", \"msgType\": \"Alert\","
                + " \"scope\": \"Public\"" + (info.isEmpty() ? "" : ", " + info) + "}");
    }

    private static List<String> threat(Connection c, UUID id) throws SQLException {
        return rows(c, "SELECT threat_type, threat_level, threat_reason FROM alert WHERE id = '" + id + "'").get(0);
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
