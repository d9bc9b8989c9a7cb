package dev.airalert.region;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form names are compared in: case, diacritics, apostrophes, hyphens and punctuation
 * do not matter, so "Kijów", "kijow", "Kyiv's" variants and "Charkiw" written in any case
 * meet the spelling in the gazetteer. Cyrillic letters stay themselves ("й" and "ї" are kept;
 * only marks that Unicode splits off are dropped, and "ё" is "е").
 *
 * <p>One pass over the characters: the gazetteer makes some 20,000 keys at every start, and the
 * letters of Latin and Cyrillic script have their forms computed once.
 */
public final class NameKey {

    private static final String APOSTROPHES = "'’ʼ`´";
    private static final String SEPARATORS = " \t\n\u000B\f\r-‐–—._,;:/()";
    /** The key form of each character up to the end of the Cyrillic block. */
    private static final String[] FORMS = new String[0x500];

    static {
        for (char c = 0; c < FORMS.length; c++) {
            FORMS[c] = form(c);
        }
    }

    private NameKey() {
    }

    public static String of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (APOSTROPHES.indexOf(c) >= 0) {
                continue;
            }
            if (SEPARATORS.indexOf(c) >= 0) {
                gap = key.length() > 0;
                continue;
            }
            String form = c < FORMS.length ? FORMS[c] : form(c);
            if (form.isEmpty()) {
                continue;
            }
            if (gap) {
                key.append(' ');
                gap = false;
            }
            key.append(form);
        }
        return key.toString();
    }

    /** One character without the marks Unicode splits off it; й and ї stay, ё is е. */
    private static String form(char c) {
        if (c == 'й' || c == 'ї') {
            return String.valueOf(c);
        }
        if (c == 'ё') {
            return "е";
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
            return "";
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder plain = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(p -> !isMark(p)).forEach(plain::appendCodePoint);
        return plain.toString();
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
