package dev.airalert.region;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** A WGS 84 position as people and CAP write it: latitude first. */
public record LatLon(double lat, double lon) {

    public LatLon {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("latitude must be in [-90, 90] and longitude in [-180, 180]");
        }
    }

    /** Parses {@code "50.45,30.52"}; throws IllegalArgumentException with a readable message. */
    public static LatLon parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("must be lat,lon such as 50.45,30.52");
        }
        try {
            return new LatLon(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be lat,lon such as 50.45,30.52");
        }
    }

    /** JTS works in x = longitude, y = latitude. */
    public Point toPoint(GeometryFactory factory) {
        return factory.createPoint(new Coordinate(lon, lat));
    }
}
