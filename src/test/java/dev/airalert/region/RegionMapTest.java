package dev.airalert.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The SVG maps the live page draws (the country, an oblast's detail), and the page itself, served by the service. */
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
        assertTrue(svg.contains("data-code=\"UA-30\" data-kind=\"city\" data-parent=\"UA\" data-name"), "kind and parent");
        assertTrue(svg.contains("data-code=\"UA-46\" data-kind=\"oblast\" data-parent=\"UA\" data-name-de=\"Oblast Lwiw\"")
                && Pattern.compile("id=\"region-UA-46\"[^>]* data-detail=\"true\"").matcher(svg).find(),
                "an oblast has regions inside to show, Kyiv none");
        assertTrue(svg.contains("data-name-en=\"Kyiv\"") && svg.contains("data-name-uk=\"Київ\""),
                "names in the page's languages");
        assertTrue(svg.contains("<path class=\"country\""), "the country's inland waters underneath");
        assertClosedRingsOfNumbers(svg, 28);
        // A phone reads the overview, not every bend of 1,600 km of border.
        assertTrue(gzipped(svg) < 25_000, "the overview is small: " + gzipped(svg) + " bytes gzipped");
    }

    @Test
    void drawsAnOblastsHromadasAndRaionsInTheCountrysCoordinates() {
        String svg = given().queryParam("within", "UA-46").get("/api/v1/regions/map.svg").then().statusCode(200)
                .contentType(startsWith("image/svg+xml")).header("Cache-Control", containsString("max-age"))
                .extract().asString();
        Matcher box = Pattern.compile("^<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+)\""
                + " data-within=\"UA-46\" data-country=\"UA\">").matcher(svg);
        assertTrue(box.find(), svg.substring(0, 150));
        // Lviv Oblast lies in the country map's west, about a tenth of its width across.
        assertTrue(Double.parseDouble(box.group(1)) < 200 && Double.parseDouble(box.group(3)) < 250, box.group());

        List<String> hromadas = Pattern.compile("<path class=\"region\" id=\"region-(UA[0-9]+)\" [^>]*data-kind=\"hromada\"")
                .matcher(svg).results().map(r -> r.group(1)).toList();
        List<String> raions = Pattern.compile("<path class=\"raion\" id=\"region-(UA[0-9]+)\" [^>]*data-kind=\"raion\"")
                .matcher(svg).results().map(r -> r.group(1)).toList();
        assertEquals(7, raions.size(), "Lviv Oblast's raions: " + raions);
        assertTrue(hromadas.size() > 60, "Lviv Oblast's hromadas: " + hromadas.size());
        assertTrue(hromadas.contains("UA46060250000025047"), "Lviv city hromada");
        assertTrue(svg.contains("data-code=\"UA46060250000025047\" data-kind=\"hromada\" data-parent=\"UA46060000000042587\""),
                "a hromada names its raion");
        assertTrue(svg.contains("data-code=\"UA46060000000042587\" data-kind=\"raion\" data-parent=\"UA-46\""),
                "a raion names its oblast");
        assertTrue(svg.contains("data-name-uk=\"Львівський район\"") && svg.contains("data-name-en="), "names");
        assertTrue(svg.lastIndexOf("class=\"region\"") < svg.indexOf("class=\"raion\""), "raions drawn over the hromadas");
        assertTrue(Pattern.compile("<path class=\"raion\"[^>]* fill=\"none\" pointer-events=\"none\"").matcher(svg).find(),
                "a raion is an outline, not in the way of a click");
        assertTrue(Pattern.compile(" d=\"M[0-9]+\\.[0-9]{2}").matcher(svg).find(), "two decimals: precise when zoomed in");
        assertClosedRingsOfNumbers(svg, hromadas.size() + raions.size());
    }

    @Test
    void everyOblastsDetailIsSmallOnTheWire() {
        List<String> oblasts = given().queryParam("country", "UA").get("/api/v1/regions").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.parent == 'UA' && it.code != 'UA-30' && it.code != 'UA-40' }.code");
        assertEquals(25, oblasts.size());
        for (String code : oblasts) {
            Response answer = given().header("Accept-Encoding", "gzip").queryParam("within", code)
                    .get("/api/v1/regions/map.svg");
            answer.then().statusCode(200).header("Content-Encoding", "gzip");
            int size = gzipped(answer.asString());
            assertTrue(size < 100_000, code + ": " + size + " bytes gzipped");
        }
        // Kyiv and Sevastopol have nothing drawn inside them.
        given().queryParam("within", "UA-30").get("/api/v1/regions/map.svg").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("within"));
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
        given().queryParam("within", "Atlantis").get("/api/v1/regions/map.svg").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("within"));
        given().queryParam("within", "UA").get("/api/v1/regions/map.svg").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("within"));
        given().queryParam("within", "UA-46").queryParam("country", "UA").get("/api/v1/regions/map.svg").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("within"));
    }

    /** Every path is closed rings of numbers only: nothing the page could execute. */
    private static void assertClosedRingsOfNumbers(String svg, int expected) {
        List<String> paths = Pattern.compile(" d=\"([^\"]*)\"").matcher(svg).results().map(r -> r.group(1)).toList();
        assertEquals(expected, paths.size());
        paths.forEach(d -> assertTrue(d.matches("(M[0-9.,]+(l[0-9.,-]+)?z)+"), d.substring(0, Math.min(80, d.length()))));
    }

    private static int gzipped(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }

    @Test
    void theLiveMapPageIsServedAtTheRoot() throws IOException {
        String page = given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<script type=\"module\" src=\"/js/main.js\"></script>")).extract().asString();
        // Every module is asked for at once, not import by import (a round trip each on a slow network).
        try (Stream<Path> modules = Files.list(Path.of("src/main/resources/META-INF/resources/js"))) {
            modules.map(m -> m.getFileName().toString()).filter(m -> !m.equals("main.js")).forEach(m -> assertTrue(
                    page.contains("<link rel=\"modulepreload\" href=\"/js/" + m + "\">"), m + " is preloaded"));
        }
        given().get("/js/stream.js").then().statusCode(200).body(containsString("/api/v1/alerts/stream"));
        given().get("/app.css").then().statusCode(200);
    }
}
