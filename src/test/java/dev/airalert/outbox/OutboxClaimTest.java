package dev.airalert.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claiming outbox rows as every channel does, on the real databases: two instances claiming at
 * once never get the same row; what the worker keeps is leased (its due time moved) and the rest
 * is left due; a scoped outbox claims within its scope only. On PostgreSQL (a scratch table in
 * the test database) and on H2 (the embedded default), whose array comparison the lease uses.
 */
class OutboxClaimTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Instant LEASE = NOW.plusSeconds(60);

    private final String table = "outbox_claim_test_" + UUID.randomUUID().toString().replace("-", "");
    private final String postgres = "jdbc:postgresql://127.0.0.1:5432/"
            + System.getenv().getOrDefault("AIRALERT_TEST_PGDATABASE", "airalert_test");
    private final String h2 = "jdbc:h2:mem:" + table + ";DB_CLOSE_DELAY=-1";

    @BeforeEach
    void createTables() throws SQLException {
        for (String url : List.of(postgres, h2)) {
            try (Connection c = connect(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (connector VARCHAR(16) NOT NULL, seq BIGINT NOT NULL,"
                        + " due_at TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (connector, seq))");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
                    for (long seq = 1; seq <= 10; seq++) {
                        for (String connector : List.of("rabbitmq", "mqtt")) {
                            insert.setString(1, connector);
                            insert.setLong(2, seq);
                            insert.setTimestamp(3, Timestamp.from(NOW.minusSeconds(1)));
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
        }
    }

    @AfterEach
    void dropTables() throws SQLException {
        for (String url : List.of(postgres, h2)) {
            try (Connection c = connect(url); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    @Test
    void twoInstancesClaimingAtOnceNeverGetTheSameRowOnPostgres() throws SQLException {
        try (Connection first = connect(postgres); Connection second = connect(postgres)) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            List<long[]> a = claim(first, 6, rows -> rows);
            // The first transaction still holds its rows: the second skips them, waiting for nothing.
            List<long[]> b = claim(second, 10, rows -> rows);
            first.commit();
            second.commit();
            Set<Long> seen = new HashSet<>();
            a.forEach(r -> seen.add(r[0]));
            b.forEach(r -> assertTrue(seen.add(r[0]), "row " + r[0] + " was claimed twice"));
            assertEquals(6, a.size());
            assertEquals(4, b.size());
            assertEquals(10, leased(postgres, "rabbitmq"));
            assertEquals(0, leased(postgres, "mqtt"), "another connector's rows are not touched");
        }
    }

    @Test
    void whatTheWorkerLeavesStaysDueOnPostgresAndH2() throws SQLException {
        for (String url : List.of(postgres, h2)) {
            try (Connection c = connect(url)) {
                c.setAutoCommit(false);
                List<long[]> kept = claim(c, 10, rows -> rows.subList(0, 3));
                c.commit();
                assertEquals(List.of(1L, 2L, 3L), kept.stream().map(r -> r[0]).toList(), url);
                assertEquals(3, leased(url, "rabbitmq"), url);
                // The next claim starts where the kept ones end.
                List<long[]> next = claim(c, 2, rows -> rows);
                c.commit();
                assertEquals(List.of(4L, 5L), next.stream().map(r -> r[0]).toList(), url);
            }
        }
    }

    private List<long[]> claim(Connection c, int limit, UnaryOperator<List<long[]>> keep)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT seq FROM " + table + " WHERE connector = ?"
                + " AND due_at <= ? ORDER BY seq LIMIT " + limit + " FOR UPDATE SKIP LOCKED")) {
            select.setString(1, "rabbitmq");
            select.setTimestamp(2, Timestamp.from(NOW));
            return claimFor(table).claim(c, select, keep, "rabbitmq", Timestamp.from(LEASE));
        }
    }

    private static OutboxClaim<long[]> claimFor(String table) {
        return new OutboxClaim<>(table, "due_at", "seq", "bigint", "connector = ?", rs -> new long[] {rs.getLong(1)},
                row -> row[0]);
    }

    private int leased(String url, String connector) throws SQLException {
        try (Connection c = connect(url); PreparedStatement count = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE connector = ? AND due_at = ?")) {
            count.setString(1, connector);
            count.setTimestamp(2, Timestamp.from(LEASE));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection connect(String url) throws SQLException {
        return url.startsWith("jdbc:h2") ? DriverManager.getConnection(url) : DriverManager.getConnection(url, "postgres", "");
    }
}
