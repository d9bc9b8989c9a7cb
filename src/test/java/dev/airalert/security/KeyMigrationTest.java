package dev.airalert.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database filled by the previous release (schema version 6): keys keep
 * publishing as the senders they already published as and nothing more (never "*"), hold
 * their name as holder, signed alerts are marked unverifiable, restricted alerts get their
 * addresses, and the audit trail cannot be rewritten. Runs the real migrations on a scratch
 * PostgreSQL database.
 */
class KeyMigrationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database = "airalert_migration_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "airalert_test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "airalert_test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(SERVER + database, "postgres", "").locations("classpath:db/migration")
                .target(target).load();
    }

    @Test
    void keysOfThePreviousReleaseKeepExactlyTheSendersTheyPublishedAs() throws Exception {
        flyway("6").migrate();
        UUID publisher = UUID.randomUUID();
        UUID idle = UUID.randomUUID();
        UUID subscriber = UUID.randomUUID();
        UUID signedAlert = UUID.randomUUID();
        UUID privateAlert = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "")) {
            key(c, publisher, "Kyiv city", "publisher");
            key(c, idle, "never published", "publisher");
            key(c, subscriber, "city app", "subscriber");
            alert(c, UUID.randomUUID(), publisher, "kyiv@city.example", "Public", "{\"sender\":\"kyiv@city.example\"}", null);
            alert(c, UUID.randomUUID(), publisher, "kyiv@city.example", "Public", "{}", null);
            alert(c, signedAlert, publisher, "odd*sender\\x", "Public", "{}",
                    "<alert><ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/></alert>"
                            .getBytes(StandardCharsets.UTF_8));
            alert(c, privateAlert, subscriber, "embassy@example", "Private",
                    "{\"addresses\": \"staff \\\"consular section\\\"\"}", null);
            alert(c, UUID.randomUUID(), null, "someone@example", "Public", "{}", null);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO alert_event (id, type, alert_id, chain_key, related_alert_ids, created_at, payload)"
                        + " VALUES (gen_random_uuid(), 'alert.published', '" + privateAlert + "', 'c', '', now(), '{}')");
                s.execute("INSERT INTO broker_outbox (connector, event_seq, due_at, attempts)"
                        + " SELECT 'rabbitmq', seq, now(), 0 FROM alert_event");
            }
        }

        flyway("latest").migrate();

        try (Connection c = DriverManager.getConnection(SERVER + database, "postgres", "")) {
            assertEquals(Set.of("kyiv@city.example", "odd\\*sender\\\\x"), column(c,
                    "SELECT pattern FROM api_key_sender WHERE key_id = '" + publisher + "'"));
            assertEquals(Set.of(), column(c, "SELECT pattern FROM api_key_sender WHERE key_id = '" + idle + "'"),
                    "a key that never published may publish as nobody until an admin says");
            assertEquals(Set.of(), column(c, "SELECT pattern FROM api_key_sender WHERE key_id = '" + subscriber + "'"),
                    "a subscriber key is not a publisher");
            assertFalse(column(c, "SELECT pattern FROM api_key_sender").contains("*"));
            assertEquals(Set.of("Kyiv city"), column(c, "SELECT holder FROM api_key WHERE id = '" + publisher + "'"));
            assertEquals(Set.of("unverifiable"), column(c,
                    "SELECT signature_verdict FROM alert WHERE id = '" + signedAlert + "'"));
            assertEquals(Set.of("unsigned"), column(c,
                    "SELECT DISTINCT signature_verdict FROM alert WHERE id <> '" + signedAlert + "'"));
            assertEquals(Set.of("staff", "consular section"), column(c,
                    "SELECT address FROM alert_address WHERE alert_id = '" + privateAlert + "'"));
            assertEquals(Set.of("restricted"), column(c, "SELECT audience FROM alert_event WHERE alert_id = '"
                    + privateAlert + "'"), "no stream replays a restricted alert of the previous release to anyone");
            assertEquals(Set.of(), column(c, "SELECT connector FROM broker_outbox"), "nor does a broker get it");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO audit_event (id, at, action, outcome) VALUES (gen_random_uuid(), now(),"
                        + " 'alert.published', 'accepted')");
                assertThrows(SQLException.class, () -> s.execute("UPDATE audit_event SET outcome = 'refused'"));
                assertThrows(SQLException.class, () -> s.execute("TRUNCATE audit_event"));
            }
        }
        // The escaped entry matches the literal sender and nothing else.
        SenderPatterns migrated = SenderPatterns.of(List.of("odd\\*sender\\\\x"));
        assertTrue(migrated.allows("odd*sender\\x"));
        assertFalse(migrated.allows("oddXsender\\x"));
        assertFalse(migrated.anySender());
    }

    private static void key(Connection c, UUID id, String name, String roles) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO api_key (id, name, roles, prefix, secret_hash,"
                + " created_at) VALUES (?, ?, ?, 'aak_xxxxxx', ?, now())")) {
            s.setObject(1, id);
            s.setString(2, name);
            s.setString(3, roles);
            s.setString(4, UUID.randomUUID().toString());
            s.executeUpdate();
        }
    }

    private static void alert(Connection c, UUID id, UUID publishedBy, String sender, String scope, String document,
            byte[] xml) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert (id, sender, identifier, sent_at, status,"
                + " msg_type, scope, state, received_at, published_by, source_format, content_hash, document,"
                + " original_xml) VALUES (?, ?, ?, ?, 'Actual', 'Alert', ?, 'active', ?, ?, ?, 'h', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setObject(1, id);
            s.setString(2, sender);
            s.setString(3, id.toString());
            s.setTimestamp(4, now);
            s.setString(5, scope);
            s.setTimestamp(6, now);
            s.setObject(7, publishedBy);
            s.setString(8, xml == null ? "json" : "xml");
            s.setString(9, document);
            s.setBytes(10, xml);
            s.executeUpdate();
        }
    }

    private static Set<String> column(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return new TreeSet<>(values);
    }
}
