package dev.airalert.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SVG map the live page draws, and the page itself, served by the service. */
@QuarkusTest
class RegionMapTest {

    private static final Pattern REGION = Pattern.compile("<path class=\"region\" id=\"region-([A-Z0-9-]+)\"([^>]*)/>");

    @Test
    void drawsEveryRegionOfTheCountryWithItsNames() {
        String svg = given().get("/api/v1/regions/map.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .header("Cache-Control", containsString("max-age"))
                .extract().asString();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000.0 "), svg.substring(0, 100));
        Matcher m = REGION.matcher(svg);
        List<String> codes = m.results().map(r -> r.group(1)).collect(Collectors.toList());
        assertEquals(27, codes.size(), "Ukraine's 27 regions: " + codes);
        assertTrue(codes.indexOf("UA-30") > codes.indexOf("UA-32"), "Kyiv is drawn over Kyiv Oblast");
        assertTrue(svg.contains("data-code=\"UA-30\" data-kind=\"city\" data-parent=\"UA\""), "kind and parent");
        assertTrue(svg.contains("data-name-en=\"Kyiv\"") && svg.contains("data-name-uk=\"Київ\""),
                "names in the page's languages");
        assertTrue(svg.contains("<path class=\"country\""), "the country's outline underneath");
        // Every path is closed rings of numbers only: nothing the page could execute.
        List<String> paths = Pattern.compile(" d=\"([^\"]*)\"").matcher(svg).results().map(r -> r.group(1)).toList();
        assertEquals(28, paths.size(), "the country's outline and 27 regions");
        paths.forEach(d -> assertTrue(d.matches("(M[0-9.,L]+Z)+"), d.substring(0, Math.min(80, d.length()))));
    }

    @Test
    void anotherCountryAndBadParametersAreClearErrors() {
        String svg = given().queryParam("country", "ru").get("/api/v1/regions/map.svg").then().statusCode(200)
                .extract().asString();
        assertEquals(3, REGION.matcher(svg).results().count(), "Russia's border regions in the gazetteer");
        given().queryParam("country", "XX").get("/api/v1/regions/map.svg").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("country"));
        given().queryParam("colour", "red").get("/api/v1/regions/map.svg").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("colour"));
    }

    @Test
    void theLiveMapPageIsServedAtTheRoot() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<script type=\"module\" src=\"/js/main.js\"></script>"));
        given().get("/js/stream.js").then().statusCode(200).body(containsString("/api/v1/alerts/stream"));
        given().get("/app.css").then().statusCode(200);
    }
}
