package dev.airalert.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where the gazetteer's regions go in the two broker schemes, and how far an alert reaches. */
@QuarkusTest
class PlacesTest {

    static final String LVIV_RAION = "UA46060000000042587";
    static final String LVIV_CITY = "UA46060250000025047";

    @Inject
    Places places;

    @Test
    void theOldSchemeNamesTheOblastOfARaionOrHromadaAndNeverAKatottgCode() {
        assertEquals("UA-46", places.oblastLevel(LVIV_CITY));
        assertEquals("UA-46", places.oblastLevel(LVIV_RAION));
        assertEquals("UA-46", places.oblastLevel("UA-46"));
        assertEquals("UA", places.oblastLevel("UA"));
        assertEquals("UA-30", places.oblastLevel("UA80000000000093317"), "Kyiv's KATOTTG code is Kyiv");
        assertEquals("UA-43", places.oblastLevel("UA01020000000022387"), "a raion of Crimea");
        assertEquals(Set.of("UA-46"), places.oblastLevel(List.of(LVIV_CITY, LVIV_RAION, "UA-46")));
    }

    @Test
    void aPlaceHasAWordForEveryLevelAndUnderscoresBelowIt() {
        assertEquals("place.UA.UA-46." + LVIV_RAION + "." + LVIV_CITY + ".air_raid",
                places.place(LVIV_CITY).orElseThrow().routingKey("air_raid"));
        assertEquals("places/UA/UA-46/" + LVIV_RAION + "/_", places.place(LVIV_RAION).orElseThrow().topic());
        assertEquals("place.UA.UA-46._._.air_raid", places.place("UA-46").orElseThrow().routingKey("air_raid"));
        assertEquals("places/UA/_/_/_", places.place("UA").orElseThrow().topic());
        assertEquals("places/UA/UA-30/_/_", places.place("UA80000000000093317").orElseThrow().topic());
        assertEquals("places/RU/RU-BEL/_/_", places.place("RU-BEL").orElseThrow().topic());
        assertEquals("hromada", places.place(LVIV_CITY).orElseThrow().level());
    }

    @Test
    void anAlertReachesEveryPlaceInsideWhatItCoversWholeAndNothingAbove() {
        assertEquals(1 + 27 + 136 + 1_469, places.reached(Set.of("UA"), Set.of()).size());
        Set<String> lviv = places.reached(Set.of("UA-46"), Set.of());
        assertTrue(lviv.containsAll(Set.of("UA-46", LVIV_RAION, LVIV_CITY)), lviv.toString());
        assertEquals(1 + 7 + 73, lviv.size());
        assertEquals(Set.of(LVIV_CITY), places.reached(Set.of(LVIV_CITY), Set.of()));
        assertEquals(Set.of("UA-46"), places.reached(Set.of("UA-46"), Set.of("UA-46")), "covered in part: itself only");
        assertEquals(List.of(LVIV_RAION, "UA-46", "UA"), places.above(LVIV_CITY));
    }
}
