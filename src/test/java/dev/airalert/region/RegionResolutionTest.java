package dev.airalert.region;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.TestAlerts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Names, codes, shapes and points resolve to the same region codes, at ingest and in queries. */
@QuarkusTest
class RegionResolutionTest {

    static final String LVIV_CITY = "UA46060250000025047";
    static final String ODESA_CITY = "UA51100270000073549";
    static final String KHARKIV_CITY = "UA63120270000028556";

    @TestFactory
    Stream<DynamicTest> everyNameOfEveryUkrainianRegionResolvesToItsCode() {
        List<Map<String, Object>> regions = given().queryParams("country", "UA", "kind", "oblast")
                .get("/api/v1/regions").then().statusCode(200).extract().jsonPath().getList("$");
        regions.addAll(given().queryParams("country", "UA", "kind", "city")
                .get("/api/v1/regions").jsonPath().getList("$"));
        regions.addAll(given().queryParams("country", "UA", "kind", "autonomous-republic")
                .get("/api/v1/regions").jsonPath().getList("$"));
        assertEquals(27, regions.size(), "all 27 first-level regions of Ukraine");
        return regions.stream().flatMap(region -> {
            @SuppressWarnings("unchecked")
            Map<String, String> names = (Map<String, String>) region.get("names");
            return Stream.of("uk", "en", "de", "ru").map(lang -> DynamicTest.dynamicTest(
                    region.get("code") + " " + lang + " " + names.get(lang), () ->
                            given().queryParam("q", names.get(lang)).get("/api/v1/regions/resolve")
                                    .then().statusCode(200)
                                    .body("items[0].code", equalTo(region.get("code")))));
        });
    }

    @Test
    void commonTransliterationsResolve() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("Kyiv", "UA-30"), Map.entry("Kiev", "UA-30"), Map.entry("Kiew", "UA-30"),
                Map.entry("Kijów", "UA-30"), Map.entry("Київ", "UA-30"), Map.entry("KIEW", "UA-30"),
                // A city's name is the city's hromada; the oblast is named as an oblast.
                Map.entry("Kharkiv", KHARKIV_CITY), Map.entry("Kharkov", KHARKIV_CITY), Map.entry("Charkiw", KHARKIV_CITY),
                Map.entry("Харківська область", "UA-63"), Map.entry("Odesa", ODESA_CITY),
                Map.entry("Odessa", ODESA_CITY), Map.entry("Odesa Oblast", "UA-51"), Map.entry("Lemberg", LVIV_CITY),
                Map.entry("ua-46", "UA-46"),
                Map.entry("Kursk", "RU-KRS"), Map.entry("Белгород", "RU-BEL"), Map.entry("Ukraine", "UA"));
        expected.forEach((name, code) -> given().queryParam("q", name).get("/api/v1/regions/resolve")
                .then().body("items[0].code", equalTo(code)));
    }

    @Test
    void pointsResolveToEveryRegionContainingThem() {
        given().queryParam("point", "50.45,30.52").get("/api/v1/regions/resolve").then()
                .statusCode(200).body("items.code", hasItem("UA-30")).body("items[0].code", equalTo("UA"));
        given().queryParam("point", "49.99,36.23").get("/api/v1/regions/resolve").then()
                .body("items.code", contains("UA", "UA-63", "UA63120000000091135", KHARKIV_CITY));
        given().queryParam("point", "51.73,36.19").get("/api/v1/regions/resolve").then()
                .body("items.code", contains("RU", "RU-KRS"));
        given().queryParam("point", "0,0").get("/api/v1/regions/resolve").then()
                .body("items", empty());
        given().queryParam("point", "95,30").get("/api/v1/regions/resolve").then().statusCode(400)
                .body("errors.field", contains("point"));
    }

    @Test
    void eachAreaRuleResolvesAndIsRecorded() {
        String sender = TestAlerts.uniqueSender();
        JsonPath circle = publish(TestAlerts.withArea(sender,
                "\"areaDesc\": \"Around the centre\", \"circle\": [\"50.45,30.52 8\"]", TestAlerts.inTwoHours()))
                .then().statusCode(201).extract().jsonPath();
        assertEquals("shape", circle.getString("resolution[0].rule"));
        org.hamcrest.MatcherAssert.assertThat(circle.getList("regions"), hasItem("UA-30"));
        org.hamcrest.MatcherAssert.assertThat(circle.getList("regions"), not(hasItem("UA-46")));

        publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Kharkiv east\", \"polygon\":"
                + " [\"49.6,36.8 49.6,37.4 49.2,37.4 49.2,36.8 49.6,36.8\"]", TestAlerts.anHourAgo()))
                .then().statusCode(201).body("regions", everyItem(startsWith("UA63")))
                .body("resolution[0].rule", equalTo("shape"));
        publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Kiew\"", TestAlerts.anHourAgo()))
                .then().statusCode(201).body("regions", contains("UA-30"))
                .body("resolution[0].rule", equalTo("name"));
        publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Харківська область\"", TestAlerts.anHourAgo()))
                .then().body("regions", contains("UA-63"));
        publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Lviv and Volyn\"", TestAlerts.anHourAgo()))
                .then().body("regions", contains("UA-07", LVIV_CITY)).body("resolution[0].reading", equalTo("city"));
        publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Oblast\", \"geocode\":"
                + " [{\"valueName\": \"KATOTTG\", \"value\": \"UA63000000000041885\"}]", TestAlerts.anHourAgo()))
                .then().body("regions", contains("UA-63")).body("resolution[0].rule", equalTo("geocode"));
        publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Atlantis\"", TestAlerts.anHourAgo()))
                .then().statusCode(201).body("regions", empty())
                .body("unresolvedAreas", contains("Atlantis"))
                .body("resolution[0].rule", equalTo("none"));
    }

    @Test
    void historyFindsAlertsByNameAndThroughParentsAndChildren() {
        String sender = TestAlerts.uniqueSender();
        String kyiv = publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Київ\"", TestAlerts.anHourAgo()))
                .then().statusCode(201).extract().path("id");
        String countryWide = publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Ukraine\", \"geocode\":"
                + " [{\"valueName\": \"ISO3166-1\", \"value\": \"UA\"}]", TestAlerts.anHourAgo()))
                .then().statusCode(201).body("regions", contains("UA")).extract().path("id");
        assertEquals(Set.of(countryWide, kyiv), Set.copyOf(ids(Map.of("sender", sender, "region", "Kiew"))));
        assertEquals(List.of(countryWide), ids(Map.of("sender", sender, "region", "Lviv")));
        assertEquals(Set.of(countryWide, kyiv), Set.copyOf(ids(Map.of("sender", sender, "region", "UA"))));
        given().queryParams("sender", sender, "region", "Narnia").get("/api/v1/alerts").then()
                .statusCode(400).body("errors.field", contains("region"));
    }

    @Test
    void pointQueriesTestShapesWhereTheAlertHasThem() {
        String sender = TestAlerts.uniqueSender();
        String oblast = publish(TestAlerts.withArea(sender, "\"areaDesc\": \"x\", \"geocode\":"
                + " [{\"valueName\": \"ISO3166-2\", \"value\": \"UA-63\"}]", TestAlerts.anHourAgo()))
                .then().statusCode(201).extract().path("id");
        // Newer than the oblast-wide alert, so a page of one must skip it to find the oblast's.
        String circle = publish(TestAlerts.withArea(sender,
                "\"areaDesc\": \"Kharkiv city\", \"circle\": [\"49.99,36.23 5\"]", TestAlerts.anHourAgo()))
                .then().statusCode(201).extract().path("id");
        assertEquals(Set.of(oblast, circle), Set.copyOf(ids(Map.of("sender", sender, "point", "49.99,36.23"))));
        assertEquals(List.of(oblast), ids(Map.of("sender", sender, "point", "49.5,37.5")));
        assertEquals(List.of(), ids(Map.of("sender", sender, "point", "50.45,30.52")));
        assertEquals(List.of(oblast), ids(Map.of("sender", sender, "point", "49.5,37.5", "limit", "1")));
        given().queryParams("point", "49.5,37.5", "region", "UA-63").get("/api/v1/alerts").then()
                .statusCode(400).body("errors.field", contains("point"));
    }

    @Test
    void regionDetailShowsItsActiveAlertsIncludingCountryWideOnes() {
        String sender = TestAlerts.uniqueSender();
        String id = publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Ternopil Oblast\"", TestAlerts.inTwoHours()))
                .then().statusCode(201).body("regions", contains("UA-61")).extract().path("id");
        given().get("/api/v1/regions/ua-61").then().statusCode(200)
                .body("code", equalTo("UA-61")).body("names.de", equalTo("Oblast Ternopil"))
                .body("boundary.type", equalTo("Polygon"))
                .body("activeAlerts.id", hasItem(id));
        given().get("/api/v1/regions/UA").then().statusCode(200)
                .body("children", hasItem("UA-61")).body("activeAlerts.id", hasItem(id));
        // The live map's panel reads the alerts only: without the oblast's thousands of boundary points.
        given().get("/api/v1/regions/UA-61?boundary=false").then().statusCode(200)
                .body("code", equalTo("UA-61")).body("$", not(hasKey("boundary"))).body("activeAlerts.id", hasItem(id));
        given().get("/api/v1/regions/UA-61?boundary=no").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("boundary"))
                .body("errors[0].message", equalTo("must be true or false"));
        given().get("/api/v1/regions/XX-99").then().statusCode(404);
        given().queryParam("colour", "red").get("/api/v1/regions").then().statusCode(400);
    }

    private static List<String> ids(Map<String, ?> params) {
        return given().queryParams(params).get("/api/v1/alerts").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }
}
