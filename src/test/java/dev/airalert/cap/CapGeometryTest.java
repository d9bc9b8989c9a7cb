package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The one-pass polygon reader reads what the JDK's number parser reads, and refuses what the decimal form refuses. */
class CapGeometryTest {

    /** xs:decimal's lexical form, written independently of the reader under test. */
    private static final Pattern XS_DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    @Test
    void everyNumberIsReadAsTheJdkReadsIt() {
        Random random = new Random(3);
        for (int n = 0; n < 20_000; n++) {
            String lat = decimal(random, 2);
            String lon = decimal(random, 3);
            double expectedLat = Double.parseDouble(lat);
            double expectedLon = Double.parseDouble(lon);
            if (Math.abs(expectedLat) > 90 || Math.abs(expectedLon) > 180) {
                continue;
            }
            Coordinate[] ring = CapGeometry.ring(lat + "," + lon + "\t" + "0,0\n 1,1  " + lat + "," + lon);
            assertEquals(4, ring.length);
            // Bit for bit: -0.0 too.
            assertEquals(Double.doubleToRawLongBits(expectedLat), Double.doubleToRawLongBits(ring[0].y), lat);
            assertEquals(Double.doubleToRawLongBits(expectedLon), Double.doubleToRawLongBits(ring[0].x), lon);
        }
    }

    @Test
    void aPairIsTakenOnlyInTheDecimalForm() {
        Random random = new Random(9);
        String alphabet = "0123456789.+-,eE xN";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder pair = new StringBuilder();
            for (int i = 0, length = 1 + random.nextInt(9); i < length; i++) {
                pair.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = pair.toString().strip();
            if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
                continue;
            }
            String[] parts = text.split(",", -1);
            boolean decimal = parts.length == 2 && XS_DECIMAL.matcher(parts[0]).matches()
                    && XS_DECIMAL.matcher(parts[1]).matches();
            assertEquals(XS_DECIMAL.matcher(text).matches(), CapGeometry.isDecimal(text), text);
            String polygon = text + " 0,0 1,1 " + text;
            String problem = CapGeometry.polygonProblem(polygon);
            if (decimal && Math.abs(Double.parseDouble(parts[0])) <= 90 && Math.abs(Double.parseDouble(parts[1])) <= 180) {
                assertEquals(4, CapGeometry.ring(polygon).length, text);
            } else {
                assertEquals(decimal ? problem : "point 1 (\"" + text + "\") must be latitude,longitude in decimal degrees",
                        problem, text);
                assertThrows(IllegalArgumentException.class, () -> CapGeometry.ring(polygon), text);
            }
        }
    }

    @Test
    void spacesAroundAndBetweenPointsAreWhitespaceAsXmlWritesIt() {
        assertNull(CapGeometry.polygonProblem("\n  50.1,30.1\r\n\t50.2,30.1 \u000B50.2,30.2\f50.1,30.1  \n"));
        assertEquals("point 2 (\"50.2,30.1\u00A050.2,30.2\") must be latitude,longitude in decimal degrees",
                CapGeometry.polygonProblem("50.1,30.1 50.2,30.1\u00A050.2,30.2 50.1,30.1"));
    }

    /** A decimal as publishers write them: a sign or none, 0 to 20 digits either side of the point, which may be missing. */
    private static String decimal(Random random, int wholeDigits) {
        StringBuilder number = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 -> number.append('-');
            case 1 -> number.append('+');
            default -> {
                // unsigned
            }
        }
        int whole = random.nextInt(wholeDigits + 1);
        int fraction = random.nextInt(4) == 0 ? random.nextInt(30) : random.nextInt(9);
        if (whole == 0 && fraction == 0) {
            whole = 1;
        }
        for (int i = 0; i < whole; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        if (fraction > 0 || random.nextBoolean()) {
            number.append('.');
        }
        for (int i = 0; i < fraction; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.toString();
    }
}
