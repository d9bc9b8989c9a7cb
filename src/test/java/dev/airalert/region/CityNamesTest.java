package dev.airalert.region;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.airalert.TestAlerts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A city's name means the city, in Ukrainian, English, Russian and German (exonyms too): the
 * city's hromada for Lviv, Odesa and Kharkiv, the city with special status for Kyiv; its oblast
 * is named as an oblast. The same in a lookup and in an alert's area description.
 */
@QuarkusTest
class CityNamesTest {

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
        "Kyiv, UA-30, name", "Київ, UA-30, name", "Киев, UA-30, name", "Kiew, UA-30, name",
        "Lviv, UA46060250000025047, city", "Львів, UA46060250000025047, city",
        "Львов, UA46060250000025047, city", "Lwiw, UA46060250000025047, city",
        "Lemberg, UA46060250000025047, city",
        "Odesa, UA51100270000073549, city", "Одеса, UA51100270000073549, city",
        "Одесса, UA51100270000073549, city", "Odessa, UA51100270000073549, city",
        "Kharkiv, UA63120270000028556, city", "Харків, UA63120270000028556, city",
        "Харьков, UA63120270000028556, city", "Charkiw, UA63120270000028556, city",
        "Odesa Oblast, UA-51, name", "Одеська область, UA-51, name",
        "Oblast Odessa, UA-51, name", "Одесская область, UA-51, name"
    })
    void aNameMeansTheSamePlaceInALookupAndInAnAlert(String name, String region, String reading) {
        given().queryParam("q", name).get("/api/v1/regions/resolve").then().statusCode(200)
                .body("items[0].code", equalTo(region));
        publish(TestAlerts.withArea(TestAlerts.uniqueSender(), "\"areaDesc\": \"" + name + "\"", TestAlerts.inTwoHours()))
                .then().statusCode(201)
                .body("regions", contains(region))
                .body("resolution[0].rule", equalTo("name"))
                .body("resolution[0].reading", equalTo(reading));
    }
}
