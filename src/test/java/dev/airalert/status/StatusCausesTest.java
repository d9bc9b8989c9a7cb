package dev.airalert.status;

import static dev.airalert.status.StatusAlerts.BANYLIV;
import static dev.airalert.status.StatusAlerts.CHERNIVTSI_CITY;
import static dev.airalert.status.StatusAlerts.CHERNIVTSI_OBLAST;
import static dev.airalert.status.StatusAlerts.CHERNIVTSI_RAION;
import static dev.airalert.status.StatusAlerts.IVANO_FRANKIVSK_HROMADA;
import static dev.airalert.status.StatusAlerts.KHMELNYTSKYI_CITY;
import static dev.airalert.status.StatusAlerts.KHMELNYTSKYI_OBLAST;
import static dev.airalert.status.StatusAlerts.KHMELNYTSKYI_RAION;
import static dev.airalert.status.StatusAlerts.LETYCHIV;
import static dev.airalert.status.StatusAlerts.LVIV_CITY;
import static dev.airalert.status.StatusAlerts.LVIV_OBLAST;
import static dev.airalert.status.StatusAlerts.LVIV_RAION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Why a raion or a hromada has its state: an alert of its own, an alert of a region it lies in,
 * or an alert inside it; the same in the status list, on the region's page and at a point.
 */
@QuarkusTest
class StatusCausesTest {

    private static final String DROHOBYCH_RAION = "UA46020000000075920";
    private static final String BORYSLAV_HROMADA = "UA46020010000073886";

    private static JsonPath within(String region) {
        return given().queryParam("within", region).get("/api/v1/status").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void assertState(JsonPath status, String code, String state, String cause, List<String> from) {
        Map<String, Object> found = status.getMap("regions.'" + code + "'");
        assertEquals(state, found.get("state"), code);
        assertEquals(cause, found.get("cause"), code);
        assertEquals(from, found.get("from"), code);
    }

    @Test
    void anOblastAlertMakesEveryPlaceInItActiveThroughTheOblast() {
        StatusAlerts.oblast(LVIV_OBLAST);

        JsonPath lviv = within(LVIV_OBLAST);
        // Places no other test alerts on their own (an own alert is the first cause given).
        for (String place : List.of(DROHOBYCH_RAION, BORYSLAV_HROMADA)) {
            assertEquals("active", lviv.getString("regions." + place + ".state"), place);
            assertEquals("ancestor", lviv.getString("regions." + place + ".cause"), place);
            // Nearest first; a country-wide alert of another test would come after it.
            assertEquals(LVIV_OBLAST, lviv.getString("regions." + place + ".from[0]"), place);
            assertThat(place, lviv.getList("regions." + place + ".events"), hasItem("air raid"));
        }
        given().get("/api/v1/status").then().statusCode(200)
                .body("regions.'UA-46'.state", equalTo("active"))
                .body("regions.'UA-46'.cause", equalTo("alert"))
                .body("regions.'UA-46'", not(hasKey("from")))
                .body("regions.UA.state", equalTo("partial"))
                .body("regions.UA.cause", equalTo("inside"))
                .body("regions.UA.from", hasItem(LVIV_OBLAST));
        assertState(within("Ivano-Frankivsk Oblast"), IVANO_FRANKIVSK_HROMADA, "none", null, null);

        // Lviv city centre: every region holding it, country first, each with its state.
        given().queryParam("point", "49.8397,24.0297").get("/api/v1/regions/resolve").then().statusCode(200)
                .body("items.code", contains("UA", LVIV_OBLAST, LVIV_RAION, LVIV_CITY))
                .body("items.kind", contains("country", "oblast", "raion", "hromada"))
                .body("items[0].state", equalTo("partial"))
                .body("items[0].from", hasItem(LVIV_OBLAST))
                .body("items[1].state", equalTo("active"))
                .body("items[1].cause", equalTo("alert"))
                // Other tests alert Lviv raion and the city on their own too: their cause may be "alert".
                .body("items[2].state", equalTo("active"))
                .body("items[3].state", equalTo("active"));
        // A place's own page: its state and why, and the places directly inside it.
        given().get("/api/v1/regions/" + LVIV_RAION).then().statusCode(200)
                .body("kind", equalTo("raion"))
                .body("state", equalTo("active"))
                .body("children", hasSize(23))
                .body("children", hasItem(LVIV_CITY));
        given().get("/api/v1/regions/" + DROHOBYCH_RAION).then().statusCode(200)
                .body("state", equalTo("active"))
                .body("cause", equalTo("ancestor"))
                .body("from[0]", equalTo(LVIV_OBLAST));
    }

    @Test
    void aHromadaAlertMakesItsRaionAndOblastPartialNamingThePathDown() {
        StatusAlerts.katottg(KHMELNYTSKYI_CITY);

        JsonPath khmelnytskyi = within(KHMELNYTSKYI_OBLAST);
        assertState(khmelnytskyi, KHMELNYTSKYI_CITY, "active", "alert", null);
        assertState(khmelnytskyi, KHMELNYTSKYI_RAION, "partial", "inside", List.of(KHMELNYTSKYI_CITY));
        assertState(khmelnytskyi, LETYCHIV, "none", null, null);
        assertThat(khmelnytskyi.getList("regions." + KHMELNYTSKYI_RAION + ".events"), hasItem("air raid"));
        assertState(new JsonPath(given().get("/api/v1/status").asString()), KHMELNYTSKYI_OBLAST, "partial", "inside",
                List.of(KHMELNYTSKYI_RAION));
        given().get("/api/v1/regions/" + KHMELNYTSKYI_OBLAST).then().statusCode(200)
                .body("state", equalTo("partial"))
                .body("cause", equalTo("inside"))
                .body("from", contains(KHMELNYTSKYI_RAION))
                .body("children", hasItem(KHMELNYTSKYI_RAION))
                .body("children", not(hasItem(KHMELNYTSKYI_CITY)));
    }

    @Test
    void aRaionAlertMakesItsHromadasActiveAndItsOblastPartial() {
        StatusAlerts.katottg(CHERNIVTSI_RAION);

        JsonPath chernivtsi = within(CHERNIVTSI_OBLAST);
        assertState(chernivtsi, CHERNIVTSI_RAION, "active", "alert", null);
        assertState(chernivtsi, CHERNIVTSI_CITY, "active", "ancestor", List.of(CHERNIVTSI_RAION));
        assertState(chernivtsi, BANYLIV, "none", null, null);
        given().get("/api/v1/regions/" + CHERNIVTSI_RAION).then().statusCode(200)
                .body("children", hasItem(CHERNIVTSI_CITY));
        assertState(new JsonPath(given().get("/api/v1/status").asString()), CHERNIVTSI_OBLAST, "partial", "inside",
                List.of(CHERNIVTSI_RAION));
        List<String> hromadas = given().get("/api/v1/regions/" + CHERNIVTSI_RAION).then().extract().path("children");
        JsonPath ofOblast = new JsonPath(given().queryParams("within", CHERNIVTSI_OBLAST, "level", "hromada")
                .get("/api/v1/status").asString());
        hromadas.forEach(h -> assertState(ofOblast, h, "active", "ancestor", List.of(CHERNIVTSI_RAION)));
    }

    @Test
    void kyivsHromadaCodeIsKyiv() {
        given().get("/api/v1/regions/UA80000000000093317").then().statusCode(200)
                .body("code", equalTo("UA-30"))
                .body("kind", equalTo("city"))
                .body("state", oneOf("none", "active", "partial"));
        given().get("/api/v1/regions/UA99999999999999999").then().statusCode(404);
    }
}
