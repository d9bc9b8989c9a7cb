package dev.airalert.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.region.Gazetteer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Region data that changed re-resolves the alerts in force, once, and nothing else. The service
 * starts on a database the previous release filled through its API (see
 * {@link PreviousReleaseDatabase}) with region data in which bare city names and city KATOTTG
 * codes mean the city hromadas: its active alerts are found at those hromadas, the alerts no
 * longer in force keep the oblasts they were stored with. The mechanism itself is then run on
 * alerts each test publishes and makes look resolved with other data.
 */
@QuarkusTest
@TestProfile(RegionDataUpgradeTest.PreviousRelease.class)
class RegionDataUpgradeTest {

    /** The service on the previous release's database. */
    public static class PreviousRelease implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PreviousReleaseDatabase.class));
        }
    }

    private static final String ODESA_CITY = "UA51100270000073549";
    private static final String LVIV_CITY = "UA46060250000025047";
    private static final String STALE = "{\"areas\":[],\"unresolvedAreas\":[\"resolved with other data\"]}";
    private static final String IN_FORCE = "SELECT count(*) FROM alert WHERE state IN ('active', 'pending-approval')"
            + " AND (expires_at IS NULL OR expires_at > now())";

    @Inject
    RegionDataUpgrade upgrade;

    @Inject
    Gazetteer gazetteer;

    @Inject
    AgroalDataSource dataSource;

    /** The start resolves the alerts in force beside the rest of the start-up: ready once done. */
    @BeforeEach
    void startHasResolvedTheAlertsInForce() {
        await().atMost(Duration.ofMinutes(2)).until(() -> upgrade.pending().isEmpty());
    }

    @Test
    void theStartStoredTheVersionOfItsRegionData() throws SQLException {
        assertEquals(List.of(gazetteer.version()), column("SELECT version FROM region_data_version"));
    }

    @Test
    void activeAlertsOfThePreviousReleaseCoverTheRegionsTheDataHasNow() throws SQLException {
        UUID odesa = fixture("fixture-a");
        UUID lvivByKatottg = fixture("fixture-b");
        UUID lvivOblast = fixture("fixture-c");
        given().get("/api/v1/alerts/" + odesa).then().statusCode(200)
                .body("state", is("active"))
                .body("regions", contains(ODESA_CITY))
                .body("resolution[0].rule", is("name"))
                .body("resolution[0].regions", contains(ODESA_CITY));
        assertEquals(Map.of(ODESA_CITY, false), regionRows(odesa));
        given().get("/api/v1/alerts/" + lvivByKatottg).then().statusCode(200)
                .body("regions", contains(LVIV_CITY))
                .body("resolution[0].rule", is("geocode"))
                .body("resolution[0].regions", contains(LVIV_CITY));
        assertEquals(Map.of(LVIV_CITY, false), regionRows(lvivByKatottg));
        given().get("/api/v1/alerts/" + lvivOblast).then().statusCode(200).body("regions", contains("UA-46"));
        assertEquals(Map.of("UA-46", false), regionRows(lvivOblast));

        given().queryParam("level", "oblast,hromada").get("/api/v1/status").then().statusCode(200)
                .body("regions.'" + ODESA_CITY + "'.state", is("active"))
                .body("regions.'UA-51'.state", is("partial"))
                .body("regions.'" + LVIV_CITY + "'.state", is("active"))
                .body("regions.'UA-46'.state", is("active"));
        given().queryParam("region", ODESA_CITY).queryParam("active", true).get("/api/v1/alerts")
                .then().statusCode(200).body("items.identifier", contains("fixture-a"));
    }

    @Test
    void alertsNoLongerInForceKeepTheRegionsTheyWereStoredWith() throws SQLException {
        assertStoredAs("fixture-d", "expired", "UA-51", false);
        assertStoredAs("fixture-e", "expired", "UA-46", true);
        assertStoredAs("fixture-f", "cancelled", "UA-51", false);
        assertStoredAs("fixture-g", "not-actual", "UA-46", true);
    }

    private void assertStoredAs(String identifier, String state, String region, boolean partial) throws SQLException {
        UUID id = fixture(identifier);
        given().get("/api/v1/alerts/" + id).then().statusCode(200)
                .body("state", is(state))
                .body("regions", contains(region))
                .body("resolution[0].regions", contains(region));
        assertEquals(Map.of(region, partial), regionRows(id), identifier);
    }

    @Test
    void otherRegionDataResolvesTheAlertsInForceAgainAndNoOthers() throws SQLException {
        String key = TestKeys.create("upgrade publisher", List.of("publisher"));
        String sender = TestAlerts.uniqueSender();
        UUID active = publish(key, kyiv(sender, TestAlerts.uniqueId(), "Actual", TestAlerts.inTwoHours()));
        UUID held = publish(key, kyiv(sender, TestAlerts.uniqueId(), "Actual", TestAlerts.inTwoHours()));
        update("UPDATE alert SET state = 'pending-approval' WHERE id = ?", held);
        UUID expired = publish(key, kyiv(sender, TestAlerts.uniqueId(), "Actual", TestAlerts.inTwoHours()));
        update("UPDATE alert SET expires_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(60)), expired);
        UUID exercise = publish(key, kyiv(sender, TestAlerts.uniqueId(), "Exercise", TestAlerts.inTwoHours()));
        String cancelledIdentifier = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        UUID cancelled = publish(key, TestAlerts.alert(sender, cancelledIdentifier, sent, "Alert", null, "Actual",
                "air raid", "Extreme", "Immediate", "Observed", "UA-30", null));
        publish(key, TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + "," + cancelledIdentifier + "," + sent, "Actual", "air raid", "Extreme", "Immediate",
                "Observed", "UA-30", null));
        for (UUID id : List.of(active, held, expired, exercise, cancelled)) {
            resolvedWithOtherData(id);
        }
        update("UPDATE region_data_version SET version = 'older region data'");
        long inForce = Long.parseLong(column(IN_FORCE).get(0));

        RegionDataUpgrade.Outcome outcome = upgrade.upgrade();

        assertEquals(new RegionDataUpgrade.Outcome(true, (int) inForce, 2), outcome,
                "every alert in force was resolved again; those two differently");
        for (UUID id : List.of(active, held)) {
            assertEquals(Map.of("UA-30", false), regionRows(id));
        }
        given().get("/api/v1/alerts/" + active).then().statusCode(200)
                .body("regions", contains("UA-30"))
                .body("resolution[0].rule", is("geocode"))
                .body("unresolvedAreas", nullValue());
        for (UUID id : List.of(expired, exercise, cancelled)) {
            assertEquals(Map.of("UA-99", true), regionRows(id), "history is a record");
            assertEquals(List.of(STALE), column("SELECT area_resolution FROM alert WHERE id = ?", id));
        }
        assertEquals(List.of(gazetteer.version()), column("SELECT version FROM region_data_version"));
        assertEquals(RegionDataUpgrade.Outcome.CURRENT, upgrade.upgrade(), "once");
    }

    @Test
    void currentRegionDataTouchesNothingAndTakesNoLock() throws Exception {
        String key = TestKeys.create("upgrade publisher", List.of("publisher"));
        UUID active = publish(key, kyiv(TestAlerts.uniqueSender(), TestAlerts.uniqueId(), "Actual",
                TestAlerts.inTwoHours()));
        resolvedWithOtherData(active);
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            lockVersionRow(locker);
            // With the row locked elsewhere, only a start that reads without locking returns.
            CompletableFuture<RegionDataUpgrade.Outcome> start = CompletableFuture.supplyAsync(this::upgrade);
            await().atMost(Duration.ofSeconds(30)).until(start::isDone);
            assertEquals(RegionDataUpgrade.Outcome.CURRENT, start.join());
            locker.rollback();
        }
        assertEquals(Map.of("UA-99", true), regionRows(active), "not resolved again");
        assertEquals(List.of(STALE), column("SELECT area_resolution FROM alert WHERE id = ?", active));

        // Leave no stale alert in force behind for the other tests.
        update("UPDATE region_data_version SET version = NULL");
        assertEquals(1, upgrade.upgrade().changed());
    }

    @Test
    void replicasStartingTogetherResolveOnceBetweenThem() throws Exception {
        String key = TestKeys.create("upgrade publisher", List.of("publisher"));
        UUID active = publish(key, kyiv(TestAlerts.uniqueSender(), TestAlerts.uniqueId(), "Actual",
                TestAlerts.inTwoHours()));
        resolvedWithOtherData(active);
        update("UPDATE region_data_version SET version = 'older region data'");
        List<CompletableFuture<RegionDataUpgrade.Outcome>> starts = new ArrayList<>();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            lockVersionRow(locker);
            starts.add(CompletableFuture.supplyAsync(this::upgrade));
            starts.add(CompletableFuture.supplyAsync(this::upgrade));
            // Both have read the old version and wait for the row: neither can have begun.
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingForTheVersionRow() == 2);
            locker.rollback();
        }
        List<RegionDataUpgrade.Outcome> outcomes = starts.stream().map(CompletableFuture::join).toList();

        assertEquals(1, outcomes.stream().filter(RegionDataUpgrade.Outcome::upgraded).count(), outcomes.toString());
        assertTrue(outcomes.contains(RegionDataUpgrade.Outcome.CURRENT), outcomes.toString());
        assertEquals(1, outcomes.stream().mapToInt(RegionDataUpgrade.Outcome::changed).sum());
        assertEquals(Map.of("UA-30", false), regionRows(active));
        assertEquals(List.of(gazetteer.version()), column("SELECT version FROM region_data_version"));
    }

    private RegionDataUpgrade.Outcome upgrade() {
        try {
            return upgrade.upgrade();
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    private static String kyiv(String sender, String identifier, String status, String expires) {
        return TestAlerts.alert(sender, identifier, TestAlerts.now(), "Alert", null, status, "air raid", "Extreme",
                "Immediate", "Observed", "UA-30", expires);
    }

    private static UUID publish(String key, String json) {
        return UUID.fromString(given().auth().oauth2(key).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/alerts")
                .then().statusCode(201).body("regions", not(hasItem("UA-99")))
                .extract().path("id"));
    }

    /** As if the alert had been resolved with region data that no longer holds. */
    private void resolvedWithOtherData(UUID id) throws SQLException {
        update("DELETE FROM alert_region WHERE alert_id = ?", id);
        update("INSERT INTO alert_region (alert_id, region_code, sent_at, partial)"
                + " SELECT id, 'UA-99', sent_at, TRUE FROM alert WHERE id = ?", id);
        update("UPDATE alert SET area_resolution = ? WHERE id = ?", STALE, id);
    }

    private static void lockVersionRow(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM region_data_version FOR UPDATE");
                ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next());
        }
    }

    private long waitingForTheVersionRow() throws SQLException {
        return Long.parseLong(column("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND query LIKE 'SELECT version FROM region_data_version%'").get(0));
    }

    private UUID fixture(String identifier) throws SQLException {
        return UUID.fromString(column("SELECT id FROM alert WHERE identifier = ?", identifier).get(0));
    }

    private Map<String, Boolean> regionRows(UUID id) throws SQLException {
        Map<String, Boolean> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT region_code, partial FROM alert_region WHERE alert_id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        return rows;
    }

    private List<String> column(String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            s.executeUpdate();
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}
