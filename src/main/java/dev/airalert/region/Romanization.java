package dev.airalert.region;

import java.util.Map;

/**
 * Ukrainian names in Latin letters, two ways: the national transliteration (Cabinet of
 * Ministers resolution No 55 of 2010, used on maps, passports and road signs: Kyiv, Kharkiv,
 * Zaporizhzhia) for English, and the Duden transcription for German (Kyjiw, Charkiw,
 * Saporischschja, Odessa). Neither needs a dictionary: both go letter by letter, with the
 * few rules that depend on the position of the letter.
 */
public final class Romanization {

    /** National: letters written differently at the start of a word (є, ї, й, ю, я). */
    private static final Map<Character, String> NATIONAL_INITIAL = Map.of(
            'є', "ye", 'ї', "yi", 'й', "y", 'ю', "yu", 'я', "ya");
    private static final Map<Character, String> NATIONAL = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "h"),
            Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "ie"),
            Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "y"), Map.entry('і', "i"),
            Map.entry('ї', "i"), Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"),
            Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
            Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ь', ""), Map.entry('ю', "iu"),
            Map.entry('я', "ia"));
    private static final Map<Character, String> DUDEN = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "w"), Map.entry('г', "h"),
            Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('є', "je"),
            Map.entry('ж', "sch"), Map.entry('з', "s"), Map.entry('и', "y"), Map.entry('і', "i"),
            Map.entry('ї', "ji"), Map.entry('й', "j"), Map.entry('к', "k"), Map.entry('л', "l"),
            Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"),
            Map.entry('ф', "f"), Map.entry('х', "ch"), Map.entry('ц', "z"), Map.entry('ч', "tsch"),
            Map.entry('ш', "sch"), Map.entry('щ', "schtsch"), Map.entry('ь', ""), Map.entry('ю', "ju"),
            Map.entry('я', "ja"));
    private static final String VOWELS = "аеєиіїоуюя";

    private Romanization() {
    }

    /** The national transliteration: Київ -> Kyiv, Запоріжжя -> Zaporizhzhia. */
    public static String national(String ukrainian) {
        StringBuilder out = new StringBuilder(ukrainian.length() + 8);
        for (int i = 0; i < ukrainian.length(); i++) {
            char c = ukrainian.charAt(i);
            char lower = Character.toLowerCase(c);
            String latin;
            if (lower == 'г' && i > 0 && Character.toLowerCase(ukrainian.charAt(i - 1)) == 'з') {
                latin = "gh"; // зг is zgh, so that it is not read as zh
            } else if (wordStart(ukrainian, i) && NATIONAL_INITIAL.containsKey(lower)) {
                latin = NATIONAL_INITIAL.get(lower);
            } else {
                latin = NATIONAL.get(lower);
            }
            append(out, c, lower, latin);
        }
        return out.toString();
    }

    /**
     * The Duden transcription: Київ -> Kyjiw, Харків -> Charkiw, Одеса -> Odessa (s between
     * vowels is doubled, so that it is not read as a German voiced s), ьо -> jo.
     */
    public static String duden(String ukrainian) {
        StringBuilder out = new StringBuilder(ukrainian.length() + 8);
        for (int i = 0; i < ukrainian.length(); i++) {
            char c = ukrainian.charAt(i);
            char lower = Character.toLowerCase(c);
            String latin;
            if (lower == 'с' && i > 0 && i + 1 < ukrainian.length()
                    && VOWELS.indexOf(Character.toLowerCase(ukrainian.charAt(i - 1))) >= 0
                    && VOWELS.indexOf(Character.toLowerCase(ukrainian.charAt(i + 1))) >= 0) {
                latin = "ss";
            } else if (lower == 'ь' && i + 1 < ukrainian.length()
                    && Character.toLowerCase(ukrainian.charAt(i + 1)) == 'о') {
                latin = "j";
            } else {
                latin = DUDEN.get(lower);
            }
            append(out, c, lower, latin);
        }
        return out.toString();
    }

    private static boolean wordStart(String text, int i) {
        return i == 0 || !Character.isLetter(text.charAt(i - 1)) && !isApostrophe(text.charAt(i - 1));
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ';
    }

    private static void append(StringBuilder out, char original, char lower, String latin) {
        if (latin == null) {
            if (!isApostrophe(original)) {
                out.append(original); // Latin letters, digits, spaces, hyphens, dots
            }
        } else if (!latin.isEmpty() && original != lower) {
            out.append(Character.toUpperCase(latin.charAt(0))).append(latin, 1, latin.length());
        } else {
            out.append(latin);
        }
    }
}
