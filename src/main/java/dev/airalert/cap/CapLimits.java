package dev.airalert.cap;

/**
 * The most one alert may hold, so that no message, however built, costs the service more than
 * a bounded amount of work and memory: counts are the operator's to set (generous defaults:
 * the CAP corpus and an alert naming every place of the country fit well inside them), text
 * lengths are fixed by the columns they are stored in and by what CAP readers show. Each
 * refusal is a 400 naming the field; {@link CapValidator} applies them.
 *
 * @param infos            info blocks per alert
 * @param areas            areas per alert, over all its infos
 * @param geocodes         geocodes per alert, over all its areas
 * @param shapes           polygons and circles per alert
 * @param polygonPoints    points in one polygon
 * @param points           points in all polygons of an alert
 * @param references       entries in {@code references}
 * @param namedValues      eventCodes, parameters or resources per info, each
 */
public record CapLimits(int infos, int areas, int geocodes, int shapes, int polygonPoints, int points,
        int references, int namedValues) {

    public static final CapLimits DEFAULTS = new CapLimits(32, 4000, 10_000, 100, 5000, 10_000, 2000, 200);

    /** Sender and identifier (their columns, and each part of a reference). */
    public static final int IDENTIFIER_LENGTH = 1024;
    /** A language tag (its column; BCP 47 tags in use are far shorter). */
    public static final int LANGUAGE_LENGTH = 64;
    /** An event name: stored lower-cased in a 512-character column, and lower-casing can double a character. */
    public static final int EVENT_LENGTH = 256;
    /** The free texts people read: description, instruction, note and the addresses list. */
    public static final int LONG_TEXT_LENGTH = 32_000;
    /** Every other text of an alert (a headline, an area description, a value...). */
    public static final int TEXT_LENGTH = 4000;

    /** The longest a text field of this name may be; shapes and embedded resources are bounded otherwise. */
    static int lengthOf(String field) {
        return switch (field) {
            case "identifier", "sender" -> IDENTIFIER_LENGTH;
            case "language" -> LANGUAGE_LENGTH;
            case "event" -> EVENT_LENGTH;
            case "description", "instruction", "note", "addresses" -> LONG_TEXT_LENGTH;
            // Counted in points and references; derefUri is bounded by the body size.
            case "polygon", "references", "derefUri" -> Integer.MAX_VALUE;
            default -> TEXT_LENGTH;
        };
    }
}
