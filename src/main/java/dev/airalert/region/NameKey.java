package dev.airalert.region;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form names are compared in: case, diacritics, apostrophes, hyphens and punctuation
 * do not matter, so "Kijów", "kijow", "Kyiv's" variants and "Charkiw" written in any case
 * meet the spelling in the gazetteer. Cyrillic letters stay themselves ("й" is kept:
 * only combining marks that Unicode splits off are dropped, then "й" is recomposed).
 */
public final class NameKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`´]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-‐–—._,;:/()]+");

    private NameKey() {
    }

    public static String of(String name) {
        String lower = name.toLowerCase(Locale.ROOT)
                .replace('й', '\uE000').replace('ї', '\uE001').replace('ё', '\uE002');
        String plain = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        plain = plain.replace('\uE000', 'й').replace('\uE001', 'ї').replace('\uE002', 'е');
        plain = APOSTROPHES.matcher(plain).replaceAll("");
        return SEPARATORS.matcher(plain).replaceAll(" ").trim();
    }
}
