package dev.airalert.region;

import java.util.List;

/**
 * How one {@code <area>} was resolved: which rule matched ({@code geocode}, {@code shape},
 * {@code name}, or {@code none}) and the region codes it gave.
 */
public record AreaResolution(int info, int area, String areaDesc, String rule, List<String> regions) {

    public static final String GEOCODE = "geocode";
    public static final String SHAPE = "shape";
    public static final String NAME = "name";
    public static final String NONE = "none";
}
