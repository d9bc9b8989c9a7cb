package dev.airalert.region;

import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapArea;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Whether an alert concerns a point: an area with polygons or circles concerns it when a
 * shape contains it (a polygon over half an oblast does not reach the other half); an area
 * without shapes when one of its regions contains it.
 */
@ApplicationScoped
public class PointCoverage {

    private final Gazetteer gazetteer;

    PointCoverage(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The codes of the regions containing the point; empty when no known region does. */
    public Set<String> regionsAt(LatLon point) {
        return gazetteer.containing(point).stream().map(Region::code).collect(Collectors.toSet());
    }

    public boolean covers(CapAlert alert, List<AreaResolution> areas, LatLon point, Set<String> regionsAtPoint) {
        Point p = point.toPoint(gazetteer.geometryFactory());
        for (AreaResolution resolved : areas) {
            CapArea area = alert.info().get(resolved.info()).area().get(resolved.area());
            if (CapShapes.hasShapes(area)) {
                Geometry shape = CapShapes.of(area, gazetteer.geometryFactory());
                if (shape.covers(p)) {
                    return true;
                }
            } else if (!Collections.disjoint(resolved.regions(), regionsAtPoint)) {
                return true;
            }
        }
        return false;
    }
}
