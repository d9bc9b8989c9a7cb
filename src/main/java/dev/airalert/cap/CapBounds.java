package dev.airalert.cap;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Counts what an alert holds against {@link CapLimits} before anything else looks at it:
 * counting is linear in the body, everything after it (parsing shapes, resolving places,
 * storing rows) is then bounded by the limits.
 */
final class CapBounds {


    private CapBounds() {
    }

    static void check(CapAlert alert, CapLimits limits, BiConsumer<String, String> error) {
        over(error, "info", alert.info().size(), limits.infos(), "info blocks");
        if (alert.references() != null) {
            over(error, "references", words(alert.references()), limits.references(), "entries");
        }
        int areas = 0;
        int geocodes = 0;
        int shapes = 0;
        int points = 0;
        for (int i = 0; i < alert.info().size(); i++) {
            CapInfo info = alert.info().get(i);
            String path = "info[" + i + "]";
            over(error, path + ".eventCode", info.eventCode().size(), limits.namedValues(), "entries");
            over(error, path + ".parameter", info.parameter().size(), limits.namedValues(), "entries");
            over(error, path + ".resource", info.resource().size(), limits.namedValues(), "entries");
            areas += info.area().size();
            for (int j = 0; j < info.area().size(); j++) {
                CapArea area = info.area().get(j);
                geocodes += area.geocode().size();
                shapes += area.polygon().size() + area.circle().size();
                List<String> polygons = area.polygon();
                for (int k = 0; k < polygons.size(); k++) {
                    int n = polygons.get(k) == null ? 0 : words(polygons.get(k));
                    if (n > limits.polygonPoints()) {
                        over(error, path + ".area[" + j + "].polygon[" + k + "]", n, limits.polygonPoints(), "points");
                    }
                    points += n;
                }
            }
        }
        over(error, "info", areas, limits.areas(), "areas in all");
        over(error, "info", geocodes, limits.geocodes(), "geocodes in all");
        over(error, "info", shapes, limits.shapes(), "polygons and circles in all");
        over(error, "info", points, limits.points(), "polygon points in all");
    }

    private static void over(BiConsumer<String, String> error, String field, int count, int max, String what) {
        if (count > max) {
            error.accept(field, "may hold at most " + max + " " + what + " (has " + count + ")");
        }
    }

    /** The number of whitespace-separated words, counted without making them (a polygon has thousands). */
    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = CapGeometry.isSpace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
