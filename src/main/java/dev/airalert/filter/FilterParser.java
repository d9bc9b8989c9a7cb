package dev.airalert.filter;

import dev.airalert.cap.CapEnums;
import dev.airalert.region.RegionResolver;
import dev.airalert.threat.ThreatLevel;
import dev.airalert.threat.ThreatType;
import dev.airalert.web.FieldError;
import dev.airalert.web.QueryParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one reading of the filters history, the stream and subscriptions share. As query
 * parameters: {@code region} (codes or names in any language, comma-separated and/or
 * repeated), {@code event} (repeated for several: event names are free text and may hold
 * commas), {@code severity} or its other name {@code minSeverity} (a floor, once), {@code lang}
 * (language tags, comma-separated and/or repeated), {@code threat} and {@code level} (threat
 * types and levels, comma-separated and/or repeated). A request body reads its fields one value
 * at a time through the same methods, naming them as it spells them ({@code regions[2]}).
 * Nothing throws here: every bad value becomes a {@link FieldError} in the caller's list, and
 * the caller, which knows its other parameters, refuses the request once with all of them.
 */
@ApplicationScoped
public class FilterParser {

    /** The query parameters {@link #query} reads. */
    public static final Set<String> PARAMETERS = Set.of("region", "event", "severity", "minSeverity", "lang",
            "threat", "level");

    /** What each of {@link #PARAMETERS} means, for the API description. */
    public static final Map<String, String> DESCRIPTIONS = descriptions(
            "region", "Region codes or names in any language (UA-30, Kyiv, Київ), comma-separated and/or repeated;"
                    + " the regions inside and around them are included",
            "event", "A CAP event name, any letter case; repeat for several",
            "severity", "At least this severe: Extreme, Severe, Moderate, Minor, Unknown (any letter case)",
            "minSeverity", "Another name for severity; give one of them",
            "lang", "Language tags (de, en-US), comma-separated and/or repeated: only the infos in these languages",
            "threat", "Threat types, comma-separated and/or repeated: " + String.join(", ", ThreatType.WIRE_NAMES),
            "level", "Threat levels, comma-separated and/or repeated: yellow (drones), red (missiles)");

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private final RegionResolver regions;

    FilterParser(RegionResolver regions) {
        this.regions = regions;
    }

    /** The shared filters of a query string; unknown parameters are the caller's to report. */
    public AlertFilter query(MultivaluedMap<String, String> params, List<FieldError> errors) {
        Set<String> codes = new LinkedHashSet<>();
        for (String name : QueryParameters.list(params, "region", errors)) {
            region(name, "region", errors).ifPresent(code -> codes.addAll(regions.withRelatives(code)));
        }
        Set<String> events = new LinkedHashSet<>();
        for (String event : QueryParameters.repeated(params, "event", errors)) {
            events.add(event(event));
        }
        List<String> languages = new ArrayList<>();
        for (String tag : QueryParameters.list(params, "lang", errors)) {
            language(tag, "lang", errors).ifPresent(languages::add);
        }
        Set<String> threats = new LinkedHashSet<>();
        for (String type : QueryParameters.list(params, "threat", errors)) {
            threatType(type, "threat", errors).ifPresent(threats::add);
        }
        Set<String> levels = new LinkedHashSet<>();
        for (String level : QueryParameters.list(params, "level", errors)) {
            threatLevel(level, "level", errors).ifPresent(levels::add);
        }
        return new AlertFilter(codes, events, severityFloor(params, errors), languages, threats, levels);
    }

    /**
     * The code of a region given by code or name ("UA-30", "ua-30", "Kyiv", "Київ"); its
     * parents and children are the caller's to add ({@link RegionResolver#withRelatives}).
     */
    public Optional<String> region(String codeOrName, String field, List<FieldError> errors) {
        RegionResolver.Lookup lookup = regions.lookup(codeOrName);
        if (lookup.code().isEmpty()) {
            errors.add(new FieldError(field, lookup.problem(codeOrName)));
        }
        return lookup.code();
    }

    /** An event name as filters compare it: trimmed, lower case. */
    public static String event(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** The rank of a severity, in any letter case ("severe" is Severe). */
    public static Optional<Integer> severityRank(String value, String field, List<FieldError> errors) {
        return known(value, CapEnums.SEVERITY, field, errors).map(CapEnums::severityRank);
    }

    /** A threat type's wire name ({@code drones}), in any letter case. */
    public static Optional<String> threatType(String value, String field, List<FieldError> errors) {
        return known(value, ThreatType.WIRE_NAMES, field, errors);
    }

    /** A threat level's wire name ({@code red}), in any letter case. */
    public static Optional<String> threatLevel(String value, String field, List<FieldError> errors) {
        return known(value, ThreatLevel.WIRE_NAMES, field, errors);
    }

    /** A language tag such as {@code de} or {@code en-US}, trimmed. */
    public static Optional<String> language(String tag, String field, List<FieldError> errors) {
        String trimmed = tag.trim();
        if (!LANGUAGE_TAG.matcher(trimmed).matches()) {
            errors.add(new FieldError(field, "must be a language tag such as de or en-US"));
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    /** One of CAP's closed values in the case CAP writes it, whatever case it was given in. */
    public static Optional<String> known(String value, List<String> allowed, String field, List<FieldError> errors) {
        Optional<String> known = allowed.stream().filter(a -> a.equalsIgnoreCase(value.trim())).findFirst();
        if (known.isEmpty()) {
            errors.add(new FieldError(field, "'" + value + "' is not one of " + String.join(", ", allowed)));
        }
        return known;
    }

    /** {@code severity} and {@code minSeverity} name the same floor: one of them, once. */
    private static Integer severityFloor(MultivaluedMap<String, String> params, List<FieldError> errors) {
        if (params.containsKey("severity") && params.containsKey("minSeverity")) {
            errors.add(new FieldError("minSeverity", "is another name for severity; give one of them"));
            return null;
        }
        String name = params.containsKey("minSeverity") ? "minSeverity" : "severity";
        String value = QueryParameters.single(params, name, errors);
        return value == null ? null : severityRank(value, name, errors).orElse(null);
    }

    /** Name, description, name, description...: in this order. */
    public static Map<String, String> descriptions(String... namesAndDescriptions) {
        Map<String, String> described = new LinkedHashMap<>();
        for (int i = 0; i < namesAndDescriptions.length; i += 2) {
            described.put(namesAndDescriptions[i], namesAndDescriptions[i + 1]);
        }
        return Collections.unmodifiableMap(described);
    }
}
