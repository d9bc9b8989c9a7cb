package dev.airalert.web;

/**
 * What XML 1.0 can carry as text: tab, line breaks and every character from U+0020 on, except
 * surrogates standing alone and U+FFFE/U+FFFF. Whatever comes in as text (alerts, JSON
 * requests, query parameters) is refused with anything else: NUL cannot even be stored in
 * PostgreSQL. Writers replace it in alerts stored before that rule, so one old alert cannot
 * make a feed unreadable.
 */
public final class XmlText {

    private static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    /** Whether XML 1.0 can carry this UTF-16 unit on its own (surrogates are judged in pairs, elsewhere). */
    private static boolean isLegal(char c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** The index of the first character XML 1.0 cannot carry, or -1. */
    public static int firstIllegal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!isLegal(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Why a text is refused: "contains U+0000 at position 3, ...". */
    public static String refusal(String text, int at) {
        return String.format("contains U+%04X at position %d, a character XML cannot carry"
                + " (controls other than tab and line breaks are not text)", (int) text.charAt(at), at + 1);
    }

    /** The text with each character XML 1.0 cannot carry replaced by U+FFFD; the same string when there is none. */
    public static String writable(String text) {
        int first = firstIllegal(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(isLegal(c) ? c : REPLACEMENT);
            }
        }
        return out.toString();
    }
}
