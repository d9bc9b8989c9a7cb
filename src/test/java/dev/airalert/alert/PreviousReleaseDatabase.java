package dev.airalert.alert;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A scratch PostgreSQL database holding what the previous release left
 * ({@code upgrade/previous-release.sql}), created and loaded before the service starts on it,
 * dropped after. The service starts on it with region data other than the data the stored alerts
 * were resolved with: the previous release knew the oblasts only, and read "Odesa" as Odesa Oblast.
 */
public class PreviousReleaseDatabase implements QuarkusTestResourceLifecycleManager {

    /** The master key the previous release sealed the fixture's secrets with; of this fixture only. */
    static final String FIXTURE_MASTER_KEY = "5b0GnTMDgjdOinQ8AH1dvBug6vsKrhIXYTaP987CUSY=";

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MAINTENANCE = SERVER
            + System.getenv().getOrDefault("AIRALERT_TEST_PGDATABASE", "airalert_test");

    private final String database = "airalert_upgrade_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    public Map<String, String> start() {
        try {
            execute(MAINTENANCE, "CREATE DATABASE " + database);
            execute(SERVER + database, resource("upgrade/previous-release.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot load the previous release's database", e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", SERVER + database);
        config.put("quarkus.flyway.clean-at-start", "false");
        config.put("airalert.security.master-key", FIXTURE_MASTER_KEY);
        return config;
    }

    @Override
    public void stop() {
        try {
            execute(MAINTENANCE, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop " + database, e);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PreviousReleaseDatabase.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
