package dev.airalert;

/** Text cut to fit a bounded column, marked as cut, so that a long value is kept in part rather than refused. */
public final class ColumnText {

    private ColumnText() {
    }

    /** {@code text} as it is when it fits {@code max} characters, else its start and an ellipsis; null stays null. */
    public static String fit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
