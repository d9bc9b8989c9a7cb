package dev.airalert.alert;

import dev.airalert.region.TestRegions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A scratch PostgreSQL database holding what the previous release left
 * ({@code upgrade/previous-release.sql}), created and loaded before the service starts on it,
 * dropped after. Until the built-in gazetteer has the city hromadas (bare "Odesa" meaning the
 * Odesa city hromada), the service is also given {@code upgrade/city-hromadas.geojson}, as an
 * operator changing the region files would: either way it starts with region data other than
 * the data the stored alerts were resolved with.
 */
public class PreviousReleaseDatabase implements QuarkusTestResourceLifecycleManager {

    /** The master key the previous release sealed the fixture's secrets with; of this fixture only. */
    static final String FIXTURE_MASTER_KEY = "5b0GnTMDgjdOinQ8AH1dvBug6vsKrhIXYTaP987CUSY=";

    private static final Logger LOG = Logger.getLogger(PreviousReleaseDatabase.class);
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
        if (!builtInHasCityHromadas()) {
            LOG.info("The built-in gazetteer has no city hromadas yet: upgrade/city-hromadas.geojson stands in");
            config.put("airalert.regions.files", testFile("upgrade/city-hromadas.geojson"));
        }
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

    private static boolean builtInHasCityHromadas() {
        return TestRegions.resolver().codeFor("Odesa").equals(Optional.of("UA51100270000073549"))
                && TestRegions.resolver().codeFor("UA46060250000025047").isPresent();
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

    private static String testFile(String name) {
        try {
            return Path.of(PreviousReleaseDatabase.class.getClassLoader().getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
