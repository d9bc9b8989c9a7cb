package dev.airalert.cap;

import java.util.List;

/**
 * The closed value lists of CAP 1.2, in the order the standard gives them (that order is
 * shown to publishers in error messages). Values are case-sensitive: CAP says
 * {@code Severe}, and a feed that writes {@code SEVERE} is wrong, not different.
 */
public final class CapEnums {

    public static final List<String> STATUS = List.of("Actual", "Exercise", "System", "Test", "Draft");
    public static final List<String> MSG_TYPE = List.of("Alert", "Update", "Cancel", "Ack", "Error");
    public static final List<String> SCOPE = List.of("Public", "Restricted", "Private");
    public static final List<String> CATEGORY = List.of("Geo", "Met", "Safety", "Security", "Rescue",
            "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other");
    public static final List<String> RESPONSE_TYPE = List.of("Shelter", "Evacuate", "Prepare",
            "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None");
    public static final List<String> URGENCY = List.of("Immediate", "Expected", "Future", "Past", "Unknown");
    /** Most to least severe, which {@link #severityRank(String)} relies on. */
    public static final List<String> SEVERITY = List.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    public static final List<String> CERTAINTY = List.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");

    private CapEnums() {
    }

    /**
     * Orders severities so the service can pick the worst of several infos or filter by a
     * threshold: Extreme=4, Severe=3, Moderate=2, Minor=1, Unknown=0.
     *
     * @throws IllegalArgumentException for anything else, because ranking an unvalidated
     *                                  value as "Unknown" would hide a bug
     */
    public static int severityRank(String severity) {
        if ("Unknown".equals(severity)) {
            return 0;
        }
        int index = severity == null ? -1 : SEVERITY.indexOf(severity);
        if (index < 0) {
            throw new IllegalArgumentException("not a CAP severity: " + severity);
        }
        return SEVERITY.size() - 1 - index;
    }

    /** The error message for a value outside {@code allowed}. */
    public static String oneOf(List<String> allowed) {
        return "must be one of " + String.join(", ", allowed);
    }
}
