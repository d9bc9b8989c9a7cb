package dev.airalert.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapValidator;
import dev.airalert.cap.CapXmlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warm-up after the start runs the path a real alert with polygons runs: its alerts are
 * accepted as a publisher's would be, and every polygon resolves by its shape, to the hromada it
 * outlines or what covers it.
 */
class ShapeWarmUpTest {

    @Test
    void everyWarmUpAlertIsAcceptedAndResolvesByShape() {
        Gazetteer gazetteer = new Gazetteer(List.of());
        List<byte[]> alerts = ShapeWarmUp.alerts(gazetteer.data());
        assertTrue(alerts.size() >= 24, "an alert per oblast: " + alerts.size());
        RegionResolver resolver = new RegionResolver(gazetteer);
        int polygons = 0;
        for (byte[] xml : alerts) {
            CapAlert alert = CapXmlReader.read(xml).get(0).alert();
            assertEquals(List.of(), CapValidator.validate(alert), alert.identifier());
            Resolution resolution = resolver.resolve(alert);
            for (AreaResolution area : resolution.areas()) {
                assertEquals(AreaResolution.Rule.SHAPE, area.rule(), area.areaDesc());
                polygons++;
            }
        }
        assertEquals(gazetteer.all().stream().filter(r -> r.kind() == RegionKind.HROMADA && r.boundary() != null).count(),
                polygons, "a polygon for each hromada");
    }

    /** The warm-up gives way once a publisher's alert has been resolved; its own alerts do not count. */
    @Test
    void aPublishersAlertEndsTheWarmUp() {
        Gazetteer gazetteer = new Gazetteer(List.of());
        CapAlert alert = CapXmlReader.read(ShapeWarmUp.alerts(gazetteer.data()).get(0)).get(0).alert();
        new RegionResolver(gazetteer, true).resolve(alert);
        assertFalse(gazetteer.atWork());
        new RegionResolver(gazetteer).resolve(alert);
        assertTrue(gazetteer.atWork());
    }
}
