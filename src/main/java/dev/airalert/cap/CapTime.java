package dev.airalert.cap;

import dev.airalert.web.TimeRange;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * CAP 1.2's dateTime rule, which is stricter than xs:dateTime: seconds are required,
 * fractions are not allowed and the zone must be a numeric offset ({@code Z} is not
 * CAP; UTC is written {@code -00:00}). Alerts keep their times as text so that this
 * spelling survives; this class is where the text is checked and, when needed, read.
 */
public final class CapTime {

    /** What a publisher is told when a time is not in CAP form. */
    public static final String FORMAT_HINT = "must be a CAP date-time with a zone offset, "
            + "e.g. 2026-11-25T08:00:00+02:00 (UTC is written -00:00)";

    private static final Pattern CAP_DATE_TIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");

    /** xs:dateTime with a zone, as CAP 1.1 and 1.0 allow it: fractions of a second and Z. */
    private static final Pattern XSD_DATE_TIME =
            Pattern.compile("(-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private CapTime() {
    }

    /**
     * An xs:dateTime as CAP 1.2 writes it: {@code Z} as {@code -00:00}, fractions of a second
     * dropped. Text of another form (no zone, not a time, null) is returned unchanged, for the
     * validator to refuse: without a zone the instant is not known.
     */
    static String fromXsdDateTime(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = XSD_DATE_TIME.matcher(text);
        if (!m.matches()) {
            return text;
        }
        return m.group(1) + ("Z".equals(m.group(2)) ? "-00:00" : m.group(2));
    }

    /** True when the text has the CAP form and names a real instant (no 30 February). */
    public static boolean isValid(String text) {
        return problem(text) == null;
    }

    /**
     * Reads a CAP time.
     *
     * @throws IllegalArgumentException when {@link #isValid(String)} is false
     */
    public static OffsetDateTime parse(String text) {
        if (text == null || !CAP_DATE_TIME.matcher(text).matches()) {
            throw new IllegalArgumentException(FORMAT_HINT);
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a real date and time", e);
        }
        if (!TimeRange.contains(time.toInstant())) {
            throw new IllegalArgumentException("must lie between the years 1 and 9999 (in UTC)");
        }
        return time;
    }

    /**
     * What is wrong with the text as a CAP time, worded for the publisher, or null when
     * it is fine. The validator uses this to tell a wrong format from an impossible date.
     */
    public static String problem(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
