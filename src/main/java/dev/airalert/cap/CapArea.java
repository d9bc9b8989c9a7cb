package dev.airalert.cap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A CAP 1.2 {@code <area>}: a description plus optional shapes and geocodes. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling"})
public record CapArea(
        String areaDesc,
        List<String> polygon,
        List<String> circle,
        List<NamedValue> geocode,
        String altitude,
        String ceiling) {

    public CapArea {
        polygon = polygon == null ? List.of() : List.copyOf(polygon);
        circle = circle == null ? List.of() : List.copyOf(circle);
        geocode = geocode == null ? List.of() : List.copyOf(geocode);
    }
}
