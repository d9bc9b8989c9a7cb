package dev.airalert.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Points resolve down to the hromada: the centre of each of thirty hromadas, drawn from the
 * shipped file with a fixed seed, lies in the country, its oblast, its raion and that hromada,
 * listed in that order.
 */
@QuarkusTest
class HromadaCentresTest {

    private static final long SEED = 20_201_717L;

    static Stream<Arguments> thirtyHromadas() {
        // Kyiv's and Sevastopol's features are the cities with special status themselves.
        List<SubregionFiles.Feature> hromadas = new ArrayList<>(SubregionFiles.hromadas().stream()
                .filter(h -> "hromada".equals(h.kind()) && !h.special()).toList());
        Collections.shuffle(hromadas, new Random(SEED));
        return hromadas.stream().limit(30).map(h -> Arguments.of(h.nameUk(), h.code(), h.parent(), h.oblast(),
                h.lat() + "," + h.lon()));
    }

    @ParameterizedTest(name = "{0} {1} at {4}")
    @MethodSource("thirtyHromadas")
    void theCentreOfAHromadaLiesInItsOblastItsRaionAndIt(String name, String hromada, String raion, String oblast,
            String centre) {
        given().queryParam("point", centre).get("/api/v1/regions/resolve").then().statusCode(200)
                .body("items.code", contains("UA", oblast, raion, hromada));
    }
}
