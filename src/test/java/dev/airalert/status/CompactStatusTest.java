package dev.airalert.status;

import static dev.airalert.status.StatusAlerts.LVIV_OBLAST;
import static dev.airalert.status.StatusAlerts.LVIV_RAION;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The compact status: one character per region (A active, P partial, N none) in the order
 * {@code /status/order} gives, for each level and inside an oblast; 304 for pollers of each
 * form; every bad query named in a 400.
 */
@QuarkusTest
class CompactStatusTest {

    /** Cherkasy oblast, alerted whole; Chernihiv oblast, one hromada alerted; Kherson oblast, nothing. */
    private static final String CHERKASY_OBLAST = "UA-71";
    private static final String CHERNIHIV_OBLAST = "UA-74";
    private static final String KHERSON_OBLAST = "UA-65";
    private static final String CHERNIHIV_RAION = "UA74100000000047140";
    private static final String KORIUKIVKA_RAION = "UA74020000000089267";
    private static final String DESNA = "UA74100070000057810";
    private static final String BEREZNA = "UA74100010000063674";

    private static List<String> order(Map<String, String> query) {
        return given().queryParams(query).get("/api/v1/status/order").then().statusCode(200).extract().path("codes");
    }

    private static String compact(Map<String, String> query) {
        return given().queryParams(query).queryParam("format", "compact").get("/api/v1/status").then()
                .statusCode(200).contentType(startsWith("text/plain")).extract().asString();
    }

    /** The character of each code, read through the order. */
    private static void assertCharacters(Map<String, String> query, Map<String, Character> expected) {
        List<String> codes = order(query);
        String text = compact(query);
        assertEquals(codes.size(), text.length(), "one character per region of " + query);
        assertEquals(codes.stream().sorted().toList(), codes, "codes in code order");
        expected.forEach((code, character) -> assertEquals(character, text.charAt(codes.indexOf(code)), code));
    }

    @Test
    void eachRegionIsOneCharacterAtItsPlaceInTheOrder() {
        StatusAlerts.oblast(CHERKASY_OBLAST);
        StatusAlerts.katottg(DESNA);

        List<String> oblastLevel = order(Map.of());
        assertThat(oblastLevel, hasItems("RU-BEL", "UA", "UA-30", "UA-43", CHERNIHIV_OBLAST));
        assertThat(oblastLevel, not(hasItem(LVIV_RAION)));
        assertCharacters(Map.of(), Map.of(CHERKASY_OBLAST, 'A', CHERNIHIV_OBLAST, 'P', KHERSON_OBLAST, 'N', "UA", 'P'));
        assertCharacters(Map.of("level", "oblast"), Map.of(CHERKASY_OBLAST, 'A'));
        assertCharacters(Map.of("within", CHERNIHIV_OBLAST, "level", "raion"),
                Map.of(CHERNIHIV_RAION, 'P', KORIUKIVKA_RAION, 'N'));
        assertCharacters(Map.of("within", CHERNIHIV_OBLAST, "level", "hromada"), Map.of(DESNA, 'A', BEREZNA, 'N'));
        // Without a level, inside an oblast: its raions and hromadas, each raion just before its hromadas.
        List<String> both = order(Map.of("within", CHERNIHIV_OBLAST));
        assertEquals(5 + 57, both.size());
        assertEquals(both.indexOf(CHERNIHIV_RAION) + 1, both.indexOf("UA74100010000063674"));
        assertCharacters(Map.of("within", "Chernihiv Oblast"), Map.of(CHERNIHIV_RAION, 'P', DESNA, 'A', BEREZNA, 'N'));
        assertEquals(1469, order(Map.of("level", "hromada")).size(), "every hromada but Kyiv's and Sevastopol's");
        assertEquals(136 + 1469, compact(Map.of("level", "raion,hromada")).length());
    }

    @Test
    void anOblastAlertFillsItsRaionsAndHromadas() {
        StatusAlerts.oblast(LVIV_OBLAST);
        assertEquals("AAAAAAA", compact(Map.of("within", LVIV_OBLAST, "level", "raion")));
        assertEquals("A".repeat(73), compact(Map.of("within", LVIV_OBLAST, "level", "hromada")));
        assertCharacters(Map.of(), Map.of(LVIV_OBLAST, 'A'));
    }

    @Test
    void eachFormHasItsOwnETagAndPollersGet304() {
        String compactTag = given().queryParams("format", "compact", "level", "hromada").get("/api/v1/status").then()
                .statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().queryParams("format", "compact", "level", "hromada").header("If-None-Match", compactTag)
                .get("/api/v1/status").then().statusCode(304).header("ETag", equalTo(compactTag));
        given().queryParams("level", "hromada").header("If-None-Match", compactTag)
                .get("/api/v1/status").then().statusCode(200).header("ETag", not(equalTo(compactTag)));
        String orderTag = given().get("/api/v1/status/order").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", orderTag).get("/api/v1/status/order").then().statusCode(304);
    }

    @Test
    void everyHromadaFitsInAFewHundredBytesCompressed() throws IOException {
        byte[] gzipped = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").queryParams("format", "compact", "level", "hromada")
                .get("/api/v1/status").then().statusCode(200).header("Content-Encoding", "gzip")
                .extract().asByteArray();
        assertThat(gzipped.length, lessThan(2048));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals(1469, text.length());
            assertEquals("", text.replaceAll("[APN]", ""));
        }
    }

    @Test
    void badLevelsPlacesAndFormatsAreNamed() {
        given().queryParam("level", "district").get("/api/v1/status").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("level"))
                .body("errors[0].message", containsString("oblast, raion, hromada"));
        given().queryParam("within", "Atlantis").get("/api/v1/status").then().statusCode(400)
                .body("errors[0].field", equalTo("within"));
        given().queryParam("within", "Krasnopilska hromada").get("/api/v1/status").then().statusCode(400)
                .body("errors[0].field", equalTo("within")).body("errors[0].message", containsString("3 places"));
        // A bare city name is the city's hromada, which has nothing inside it.
        given().queryParam("within", "Lviv").get("/api/v1/status").then().statusCode(400)
                .body("errors[0].field", equalTo("within")).body("errors[0].message", containsString("UA-46"));
        given().queryParam("format", "xml").get("/api/v1/status").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().queryParams("level", "x", "format", "y").get("/api/v1/status").then().statusCode(400)
                .body("errors.field", hasItems("level", "format"));
        given().queryParam("levels", "raion").get("/api/v1/status").then().statusCode(400)
                .body("errors[0].field", equalTo("levels"));
        given().queryParam("format", "compact").get("/api/v1/status/order").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().queryParam("within", "Narnia").get("/api/v1/status/order").then().statusCode(400)
                .body("errors[0].field", equalTo("within"));
    }
}
