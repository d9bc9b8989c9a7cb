package dev.airalert.cap;

import java.util.Locale;

/** How a reader's language meets an info's: {@code de} takes {@code de-DE}, and the reverse. */
public final class CapLanguages {

    private CapLanguages() {
    }

    public static boolean matches(String infoLanguage, String wanted) {
        String have = infoLanguage.toLowerCase(Locale.ROOT);
        String want = wanted.toLowerCase(Locale.ROOT);
        return have.equals(want) || have.startsWith(want + "-") || want.startsWith(have + "-");
    }
}
