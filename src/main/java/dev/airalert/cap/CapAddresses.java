package dev.airalert.cap;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * CAP {@code addresses}: a space-delimited list, where an address holding whitespace is
 * enclosed in double quotes ({@code "embassy staff" consular@mfa.example}). These decide
 * who may read a Restricted or Private alert, so they are parsed one way everywhere.
 */
public final class CapAddresses {

    /** The longest address that can be stored and matched. */
    public static final int MAX_LENGTH = 1024;

    private CapAddresses() {
    }

    /** The distinct addresses in the order given; empty for null or blank. */
    public static Set<String> parse(String addresses) {
        Set<String> out = new LinkedHashSet<>();
        if (addresses == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < addresses.length(); i++) {
            char ch = addresses.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(ch) && !quoted) {
                add(out, current);
            } else {
                current.append(ch);
            }
        }
        add(out, current);
        return out;
    }

    private static void add(Set<String> out, StringBuilder current) {
        String address = current.toString().trim();
        if (!address.isEmpty()) {
            out.add(address);
        }
        current.setLength(0);
    }
}
