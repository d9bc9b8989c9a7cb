package dev.airalert.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** More regions come from GeoJSON files named in configuration, without code changes. */
class GazetteerFilesTest {

    /** The example of docs/regions.md: a Polish voivodeship, and a replacement for RU-BRY. */
    private static final String EXTRA = """
            {"type": "FeatureCollection", "features": [
             {"type": "Feature", "properties": {"code": "PL-06", "country": "PL", "kind": "oblast",
               "parent": "PL", "names": {"uk": "Люблінське воєводство", "en": "Lublin Voivodeship",
               "de": "Woiwodschaft Lublin", "ru": "Люблинское воеводство"},
               "aliases": ["Lublin", "Люблін"], "centre": [51.25, 22.57]},
              "geometry": {"type": "Polygon", "coordinates": [[[21.6, 50.3], [24.1, 50.3],
                [24.1, 52.3], [21.6, 52.3], [21.6, 50.3]]]}},
             {"type": "Feature", "properties": {"code": "RU-BRY", "country": "RU", "kind": "oblast",
               "parent": "RU", "names": {"uk": "Брянська область", "en": "Bryansk Oblast",
               "de": "Oblast Brjansk", "ru": "Брянская область"}, "aliases": []},
              "geometry": {"type": "Polygon", "coordinates": [[[33, 52.5], [35, 52.5], [35, 54],
                [33, 54], [33, 52.5]]]}}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void extraFilesAddAndReplaceRegions() throws IOException {
        Path file = Files.writeString(dir.resolve("poland.geojson"), EXTRA);
        Gazetteer gazetteer = new Gazetteer(List.of(file));

        assertEquals("PL-06", gazetteer.byName("Lublin").unique().orElseThrow().code());
        assertEquals("PL-06", gazetteer.byName("woiwodschaft lublin").unique().orElseThrow().code());
        assertEquals(List.of("PL-06"), gazetteer.containing(new LatLon(51.25, 22.57)).stream()
                .map(Region::code).toList());
        assertEquals(new LatLon(51.25, 22.57), gazetteer.byCode("pl-06").orElseThrow().centre());
        // The replaced Bryansk outline no longer reaches Klintsy (52.76 N, 32.24 E).
        assertTrue(gazetteer.containing(new LatLon(52.76, 32.24)).isEmpty());
        assertEquals("RU-BRY", gazetteer.byName("Oblast Brjansk").unique().orElseThrow().code());
        assertTrue(gazetteer.byName("Brjansk").regions().isEmpty(), "a replaced region keeps only the new names");
        assertEquals("UA-30", gazetteer.byName("Kiew").unique().orElseThrow().code());
    }

    @Test
    void aBrokenFileStopsTheStartNamingTheFeature() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.geojson"), EXTRA.replace("\"code\": \"PL-06\", ", ""));
        Gazetteer gazetteer = new Gazetteer(List.of(file));
        IllegalStateException e = assertThrows(IllegalStateException.class, gazetteer::all);
        assertTrue(e.getCause().getMessage().contains("feature 0: property 'code' is required"), e.getCause().getMessage());
        assertFalse(gazetteer.isLoaded(), "the readiness check stays DOWN");
    }

    @Test
    void aCodeLongerThanTheDatabaseStoresIsRefusedAtLoad() throws IOException {
        String tooLong = "PL-" + "0".repeat(GeoJsonRegions.MAX_CODE - 2);
        Path file = Files.writeString(dir.resolve("long.geojson"), EXTRA.replace("\"PL-06\"", "\"" + tooLong + "\""));
        Gazetteer gazetteer = new Gazetteer(List.of(file));
        IllegalStateException e = assertThrows(IllegalStateException.class, gazetteer::all);
        assertTrue(e.getCause().getMessage().contains("feature 0: property 'code' must be at most 32 characters"),
                e.getCause().getMessage());
    }
}
