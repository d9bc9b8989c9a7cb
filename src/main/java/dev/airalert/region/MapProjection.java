package dev.airalert.region;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Longitude and latitude to the map's SVG units, x growing east and y south: equirectangular,
 * scaled by the cosine of the middle latitude, which is faithful enough at the size of one
 * country. One projection per country, so that an oblast's detail drawn on its own lies
 * exactly over the country's map.
 */
record MapProjection(Envelope extent, double scale, double squeeze) {

    MapProjection(Envelope extent, double width) {
        this(extent, width / (extent.getWidth() * squeeze(extent)), squeeze(extent));
    }

    private static double squeeze(Envelope extent) {
        return Math.cos(Math.toRadians((extent.getMinY() + extent.getMaxY()) / 2));
    }

    double x(double lon) {
        return (lon - extent.getMinX()) * squeeze * scale;
    }

    double y(double lat) {
        return (extent.getMaxY() - lat) * scale;
    }

    double height() {
        return extent.getHeight() * scale;
    }

    /** The shape in SVG units. */
    Geometry project(Geometry shape) {
        double sx = squeeze * scale;
        return new AffineTransformation(sx, 0, -extent.getMinX() * sx, 0, -scale, extent.getMaxY() * scale)
                .transform(shape);
    }
}
