package dev.airalert.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The structure of a KATOTTG code (Ukraine's codifier of administrative units): {@code UA},
 * twelve digits of levels (oblast 2, raion 2, hromada 3, settlement 3, city district 2; a level
 * below the unit is zeros), then a five-digit number. {@code UA46060250000025047} is the
 * hromada 025 of raion 06 of oblast 46; its unit is {@code 4606025}. A settlement's code
 * lies in the units its leading levels name, which is how a village's code finds its hromada.
 */
final class Katottg {

    private static final Pattern CODE = Pattern.compile("UA\\d{17}");
    private static final int[] LEVEL_ENDS = {2, 4, 7, 10, 12};

    private Katottg() {
    }

    /** The unit a code names: its levels up to the last one that is not zeros. */
    static Optional<String> unit(String code) {
        List<String> units = units(code);
        return units.isEmpty() ? Optional.empty() : Optional.of(units.get(units.size() - 1));
    }

    /** The units around the one a code names, most precise first, without that unit itself. */
    static List<String> enclosingUnits(String code) {
        List<String> units = new ArrayList<>(units(code));
        if (!units.isEmpty()) {
            units.remove(units.size() - 1);
        }
        Collections.reverse(units);
        return units;
    }

    private static List<String> units(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(upper).matches()) {
            return List.of();
        }
        String levels = upper.substring(2, 14);
        List<String> units = new ArrayList<>();
        int start = 0;
        for (int end : LEVEL_ENDS) {
            if (levels.substring(start, end).chars().allMatch(c -> c == '0')) {
                break;
            }
            units.add(levels.substring(0, end));
            start = end;
        }
        return units;
    }
}
