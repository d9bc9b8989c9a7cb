package dev.airalert.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The boundaries the service ships, as shipped: the gazetteer no longer checks the raion and
 * hromada files at each start, so this does, and it holds the oblast outlines to what
 * {@link OblastOutlines} makes of the raions.
 */
class BuiltInBoundariesTest {

    /** Crimea's slivers against Sevastopol and Kherson Oblast come to 0.0008 % of its area. */
    private static final double SAME_AREA = 2e-5;

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static List<Region> gazetteer;
    private static List<Region> raions;
    private static List<Region> hromadas;

    @BeforeAll
    static void read() throws IOException {
        gazetteer = read(Gazetteer.BUILT_IN);
        raions = read(Gazetteer.SUBREGIONS.get(0));
        hromadas = read(Gazetteer.SUBREGIONS.get(1));
    }

    @Test
    void everyBoundaryIsValid() {
        List<String> invalid = new ArrayList<>();
        for (List<Region> file : List.of(gazetteer, raions, hromadas)) {
            for (Region region : file) {
                if (region.boundary() != null) {
                    IsValidOp check = new IsValidOp(region.boundary());
                    if (!check.isValid()) {
                        invalid.add(region.code() + ": " + check.getValidationError());
                    }
                }
            }
        }
        assertEquals(List.of(), invalid);
        assertEquals(136, raions.size());
        assertEquals(1471, hromadas.size(), "1,469 hromadas, Kyiv and Sevastopol");
    }

    @Test
    void eachOblastIsTheUnionOfItsRaions() {
        Map<String, List<Geometry>> raionsByOblast = raions.stream().collect(Collectors.groupingBy(Region::parent,
                TreeMap::new, Collectors.mapping(Region::boundary, Collectors.toList())));
        assertEquals(25, raionsByOblast.size(), "24 oblasts and Crimea");
        raionsByOblast.forEach((code, parts) -> assertSameArea(code, OverlayNGRobust.union(parts)));
        for (String city : List.of("UA-30", "UA-40")) {
            Region hromada = hromadas.stream().filter(h -> city.equals(h.parent())).findFirst().orElseThrow();
            assertSameArea(city, hromada.boundary());
        }
    }

    @Test
    void neighboursShareTheirBordersAndTheCountryIsThemAll() {
        List<Region> oblasts = ukraine().stream().filter(r -> !r.isCountry()).toList();
        assertEquals(27, oblasts.size());
        Geometry[] mismatched = CoverageValidator.validate(oblasts.stream().map(Region::boundary).toArray(Geometry[]::new));
        List<String> notMeeting = new ArrayList<>();
        for (int i = 0; i < mismatched.length; i++) {
            if (mismatched[i] != null) {
                notMeeting.add(oblasts.get(i).code() + ": " + mismatched[i].getLength() + "° of border");
            }
        }
        assertEquals(List.of(), notMeeting, "no gaps, no overlaps, every shared border point for point");
        double oblastsArea = oblasts.stream().mapToDouble(r -> r.boundary().getArea()).sum();
        double country = boundary("UA").getArea();
        // The country also holds the inland waters no hromada covers (the reservoirs on the Dnipro).
        assertTrue(country >= oblastsArea && country < oblastsArea * 1.003, country + " vs " + oblastsArea);
    }

    private static void assertSameArea(String code, Geometry union) {
        Geometry outline = boundary(code);
        double difference = OverlayNGRobust.overlay(outline, union, OverlayNG.SYMDIFFERENCE).getArea();
        assertTrue(difference <= SAME_AREA * outline.getArea(), code + " differs by " + difference + " square degrees");
    }

    private static List<Region> ukraine() {
        return gazetteer.stream().filter(r -> r.country().equals("UA")).toList();
    }

    private static Geometry boundary(String code) {
        return gazetteer.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().boundary();
    }

    private static List<Region> read(String resource) throws IOException {
        try (InputStream in = BuiltInBoundariesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return GeoJsonRegions.read(Objects.requireNonNull(in, resource), resource, FACTORY);
        }
    }
}
