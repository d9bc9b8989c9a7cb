package dev.airalert.cap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Every text of an alert, wherever it sits, with the path a publisher knows it by
 * ({@code info[0].area[2].areaDesc}): walked from the CAP records themselves, so a field added
 * to them is checked without anyone remembering to.
 */
final class CapTexts {

    private CapTexts() {
    }

    /** Calls {@code visit(path, text)} for every non-null text of the alert, in document order. */
    static void each(CapAlert alert, BiConsumer<String, String> visit) {
        walk("", alert, visit);
    }

    private static void walk(String prefix, Record record, BiConsumer<String, String> visit) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String path = prefix + component.getName();
            Object value = read(component, record);
            if (value instanceof String text) {
                visit.accept(path, text);
            } else if (value instanceof Record nested) {
                walk(path + ".", nested, visit);
            } else if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    Object item = items.get(i);
                    String at = path + "[" + i + "]";
                    if (item instanceof String text) {
                        visit.accept(at, text);
                    } else if (item instanceof Record nested) {
                        walk(at + ".", nested, visit);
                    }
                }
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("CAP records are public and their accessors plain", e);
        }
    }

    /** The last name in a path: {@code areaDesc} for {@code info[0].area[2].areaDesc}, {@code code} for {@code code[1]}. */
    static String fieldName(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return bracket < 0 ? last : last.substring(0, bracket);
    }
}
