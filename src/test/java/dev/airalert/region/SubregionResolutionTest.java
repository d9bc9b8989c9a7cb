package dev.airalert.region;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.airalert.TestAlerts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Alerts for raions and hromadas, through POST /api/v1/alerts: every rule (geocode, shape,
 * name) finds a place at raion and at hromada level, the response saying which rule matched
 * and how a name was read, and a village's code alerts part of its hromada.
 */
@QuarkusTest
class SubregionResolutionTest {

    static final String LVIV_RAION = "UA46060000000042587";
    static final String LVIV_CITY = "UA46060250000025047";
    /** Murovane's hromada, a neighbour of Lviv city's in Lviv raion. */
    static final String MUROVANE = "UA46060270000027170";
    /** Haisyn raion of Vinnytsia oblast and two of its hromadas: places no other test alerts. */
    static final String HAISYN_RAION = "UA05040000000050292";
    static final String CHECHELNYK = "UA05040270000051651";
    static final String OLHOPIL = "UA05040170000093514";
    /** The village of Katashyn, a settlement of Chechelnyk's hromada in the KATOTTG codifier. */
    static final String KATASHYN = "UA05040270100070244";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "KATOTTG, UA46060000000042587, UA46060000000042587",
        "KATOTTG, UA46060250000025047, UA46060250000025047",
        // Lviv, the city itself: a settlement of its hromada, so part of that hromada.
        "KATOTTG, UA46060250010015970, UA46060250000025047",
        // Kyiv's KATOTTG code is another code of the city with special status.
        "KATOTTG, UA80000000000093317, UA-30",
        "alerts.in.ua, 90, UA46060000000042587",
        "alerts.in.ua, 845, UA46060250000025047",
        "ukrainealarm, 90, UA46060000000042587",
        "ukrainealarm, 845, UA46060250000025047",
        // ukrainealarm's one id that is not alerts.in.ua's: Crimea.
        "ukrainealarm, 9999, UA-43",
        // ISO 3166-2 stops at the oblast; below it, KATOTTG and the location ids name places.
        "ISO3166-2, UA-46, UA-46"
    })
    void aGeocodeNamesItsPlaceAtItsLevel(String valueName, String value, String region) {
        publishArea("\"areaDesc\": \"By geocode\", \"geocode\": [{\"valueName\": \"" + valueName
                + "\", \"value\": \"" + value + "\"}]")
                .body("regions", contains(region))
                // Absent when every area was resolved.
                .body("unresolvedAreas", nullValue())
                .body("resolution[0].rule", equalTo("geocode"))
                .body("resolution[0].regions", contains(region));
    }

    /**
     * {@code partial} is what GET /api/v1/status calls a region's state when an alert covers
     * only part of it: a village's code is part of its hromada, and of its raion and oblast,
     * while a hromada's own code covers the hromada whole.
     */
    @Test
    void aVillageCodeAlertsPartOfItsHromadaAndAHromadaCodeAllOfIt() {
        String sender = TestAlerts.uniqueSender();
        publishArea(sender, "\"areaDesc\": \"Katashyn\", \"geocode\": [{\"valueName\": \"KATOTTG\", \"value\": \""
                + KATASHYN + "\"}]")
                .body("regions", contains(CHECHELNYK))
                .body("resolution[0].rule", equalTo("geocode"));
        publishArea(sender, "\"areaDesc\": \"Olhopil hromada\", \"geocode\": [{\"valueName\": \"KATOTTG\", \"value\": \""
                + OLHOPIL + "\"}]")
                .body("regions", contains(OLHOPIL));
        given().queryParam("level", "oblast,raion,hromada").get("/api/v1/status").then().statusCode(200)
                .body("regions.'" + CHECHELNYK + "'.state", equalTo("partial"))
                .body("regions.'" + OLHOPIL + "'.state", equalTo("active"))
                .body("regions.'" + HAISYN_RAION + "'.state", equalTo("partial"))
                .body("regions.'UA-05'.state", equalTo("partial"));
    }

    @Test
    void aPolygonInsideOneHromadaAlertsThatHromada() {
        // About a kilometre square around the middle of Murovane's hromada.
        publishArea("\"areaDesc\": \"Murovane\", \"polygon\": [\"49.886,24.143 49.886,24.157 49.876,24.157"
                + " 49.876,24.143 49.886,24.143\"]")
                .body("regions", contains(MUROVANE))
                .body("resolution[0].rule", equalTo("shape"));
    }

    @Test
    void aCircleInsideOneHromadaAlertsThatHromada() {
        // Three kilometres around Lviv's market square: the city, inside its hromada.
        publishArea("\"areaDesc\": \"Lviv centre\", \"circle\": [\"49.8419,24.0315 3\"]")
                .body("regions", contains(LVIV_CITY))
                .body("resolution[0].rule", equalTo("shape"));
    }

    @Test
    void aPolygonOverEveryHromadaOfARaionAlertsTheRaionNotItsHromadasOrNeighbours() {
        // Lviv raion's own outline drawn about ten metres wider: each of its 23 hromadas lies
        // inside, which is the raion whole; the neighbours' edges it grazes are not alerted.
        String outline = SubregionFiles.capPolygonAround(SubregionFiles.raion(LVIV_RAION), 0.0001);
        publishArea("\"areaDesc\": \"Lviv raion\", \"polygon\": [\"" + outline + "\"]")
                .body("regions", contains(LVIV_RAION))
                .body("resolution[0].rule", equalTo("shape"));
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
        "Львівський район, UA46060000000042587, name",
        "Lvivskyi raion, UA46060000000042587, name",
        "Rajon Lwiw, UA46060000000042587, name",
        "Львовский район, UA46060000000042587, name",
        "Lviv raion, UA46060000000042587, alias",
        "Мурованська територіальна громада, UA46060270000027170, name",
        "Murovanska hromada, UA46060270000027170, name",
        "Hromada Murowanska, UA46060270000027170, name",
        "Мурованская громада, UA46060270000027170, name",
        "м. Львів та Львівська територіальна громада, UA46060250000025047, name",
        "Stadtgemeinde Lwiw, UA46060250000025047, name"
    })
    void anAreaDescriptionNamesARaionOrAHromadaInAnyLanguage(String name, String region, String reading) {
        publishArea("\"areaDesc\": \"" + name + "\"")
                .body("regions", contains(region))
                .body("resolution[0].rule", equalTo("name"))
                .body("resolution[0].reading", equalTo(reading));
    }

    private static ValidatableResponse publishArea(String areaJson) {
        return publishArea(TestAlerts.uniqueSender(), areaJson);
    }

    private static ValidatableResponse publishArea(String sender, String areaJson) {
        return publish(TestAlerts.withArea(sender, areaJson, TestAlerts.inTwoHours())).then().statusCode(201);
    }
}
