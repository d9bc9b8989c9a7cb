package dev.airalert.region;

import dev.airalert.Deadline;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapArea;
import dev.airalert.cap.NamedValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns an alert's areas into region codes, area by area, by the first rule that matches:
 * geocodes (ISO 3166-2, ISO 3166-1, KATOTTG at any level, location ids of alerts.in.ua and
 * ukrainealarm), then polygons and circles against region boundaries, then the area
 * description by name in any language at any level. An area is stored at the most precise
 * level given, and a region whose every child is covered counts as covered whole. What matches
 * nothing, and a name that several places share, is kept and reported, never guessed at and
 * never a reason to refuse the alert. The same reading of names serves lookups
 * ({@link #lookup}): subscriptions, history queries and keys mean by a name what an alert does.
 */
@ApplicationScoped
public class RegionResolver {

    private static final Pattern ISO_3166_2 = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
    private static final Pattern ISO_3166_2_NAME = Pattern.compile("(?i)iso ?3166-2");
    private static final Pattern ISO_3166_1_NAME = Pattern.compile("(?i)iso ?3166-1(-alpha-2)?");
    private static final Pattern KATOTTG_NAME = Pattern.compile("(?i)katott[gh]|катоттг");
    private static final Pattern ALERTS_IN_UA_NAME = Pattern.compile("(?i)alerts\\.in\\.ua");
    private static final Pattern UKRAINEALARM_NAME = Pattern.compile("(?i)ukrainealarm");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("(?U)\\s*(?:[,;]|\\band\\b|\\bund\\b|\\bта\\b|\\bі\\b|\\bи\\b)\\s*");

    private final Gazetteer gazetteer;
    /** The warm-up's own resolver, which does not count as the service at work. */
    private final boolean warmUp;

    @Inject
    RegionResolver(Gazetteer gazetteer) {
        this(gazetteer, false);
    }

    RegionResolver(Gazetteer gazetteer, boolean warmUp) {
        this.gazetteer = gazetteer;
        this.warmUp = warmUp;
    }

    public Resolution resolve(CapAlert alert) {
        return resolve(alert, Deadline.NONE);
    }

    /** The regions the alert covers; gives up with {@link Deadline.Exceeded} once the deadline passes. */
    public Resolution resolve(CapAlert alert, Deadline deadline) {
        if (!warmUp) {
            gazetteer.publisherAtWork();
        }
        Map<String, Boolean> wholeByRegion = new LinkedHashMap<>();
        List<AreaResolution> areas = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (int i = 0; i < alert.info().size(); i++) {
            List<CapArea> infoAreas = alert.info().get(i).area();
            for (int j = 0; j < infoAreas.size(); j++) {
                deadline.check();
                CapArea area = infoAreas.get(j);
                AreaResolution.Rule rule = AreaResolution.Rule.GEOCODE;
                Found found = new Found(byGeocodes(area), null, List.of());
                if (found.regions().isEmpty() && CapShapes.hasShapes(area)) {
                    rule = AreaResolution.Rule.SHAPE;
                    found = new Found(byShape(area), null, List.of());
                }
                if (found.regions().isEmpty()) {
                    rule = AreaResolution.Rule.NAME;
                    found = byName(area.areaDesc());
                }
                if (found.regions().isEmpty()) {
                    rule = AreaResolution.Rule.NONE;
                    unresolved.add(area.areaDesc());
                }
                Map<String, Boolean> precise = gazetteer.mostPrecise(found.regions());
                precise.forEach((code, whole) -> wholeByRegion.merge(code, whole, Boolean::logicalOr));
                areas.add(new AreaResolution(i, j, area.areaDesc(), rule, List.copyOf(precise.keySet()),
                        found.reading() == null ? null : found.reading().code(),
                        found.candidates().isEmpty() ? null : found.candidates()));
            }
        }
        Map<String, Boolean> partialByRegion = new TreeMap<>();
        gazetteer.mostPrecise(wholeByRegion).forEach((code, whole) -> partialByRegion.put(code, !whole));
        return new Resolution(partialByRegion, areas, List.copyOf(unresolved));
    }

    /** Region codes with whether each is covered whole; how a name was read; what an ambiguous one could mean. */
    private record Found(Map<String, Boolean> regions, Gazetteer.Reading reading, List<RegionCandidate> candidates) {
    }

    /** What a caller means by a code or a name: one region, or the places an ambiguous name could mean. */
    public record Lookup(Optional<String> code, List<RegionCandidate> candidates) {

        /** Why nothing was found, for an error message naming the field's value. */
        public String problem(String given) {
            if (candidates.isEmpty()) {
                return "'" + given + "' is not a known region name or code (ISO 3166-2 such as UA-30, KATOTTG)";
            }
            StringBuilder text = new StringBuilder("'").append(given).append("' names ").append(candidates.size())
                    .append(" places; give the code of the one you mean: ");
            for (int i = 0; i < candidates.size(); i++) {
                text.append(i == 0 ? "" : "; ").append(candidates.get(i).label());
            }
            return text.toString();
        }
    }

    /**
     * The region a caller means by a code or a name ("UA-30", "ua-30", "Kiew", "Київ",
     * "UA46060250000025047", "Odesa" for the city, "Odesa Oblast" for the oblast);
     * well-formed ISO 3166-2 codes are taken even when the gazetteer lacks them, as alerts may
     * carry them. A name several places share gives them all as candidates, and no code.
     */
    public Lookup lookup(String codeOrName) {
        String upper = codeOrName.trim().toUpperCase(Locale.ROOT);
        Gazetteer.NameMatch match = gazetteer.byName(codeOrName);
        if (match.isUnique()) {
            return new Lookup(Optional.of(match.regions().get(0).code()), List.of());
        }
        if (match.isAmbiguous()) {
            return new Lookup(Optional.empty(), candidates(match));
        }
        return new Lookup(ISO_3166_2.matcher(upper).matches() ? Optional.of(upper) : Optional.empty(), List.of());
    }

    private List<RegionCandidate> candidates(Gazetteer.NameMatch match) {
        return match.regions().stream().map(r -> RegionCandidate.of(r, gazetteer)).toList();
    }

    /**
     * The codes whose alerts concern a region: itself, the regions it lies in (an oblast's
     * alert covers each of its hromadas) and the regions inside it (a hromada's alert covers
     * part of its oblast).
     */
    public Set<String> withRelatives(String code) {
        Set<String> codes = new LinkedHashSet<>();
        String own = gazetteer.byCode(code).map(Region::code).orElse(code);
        codes.add(own);
        codes.addAll(gazetteer.ancestors(own));
        codes.addAll(gazetteer.descendants(own));
        return codes;
    }

    /** Region code to whether the geocode names all of it. */
    private Map<String, Boolean> byGeocodes(CapArea area) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (NamedValue geocode : area.geocode()) {
            if (geocode.valueName() == null || geocode.value() == null) {
                continue;
            }
            String name = geocode.valueName().trim();
            String value = geocode.value().trim().toUpperCase(Locale.ROOT);
            if (ISO_3166_2_NAME.matcher(name).matches() && ISO_3166_2.matcher(value).matches()) {
                found.merge(gazetteer.byCode(value).map(Region::code).orElse(value), true, Boolean::logicalOr);
            } else if (ISO_3166_1_NAME.matcher(name).matches()) {
                gazetteer.byCode(value).filter(Region::isCountry).ifPresent(r -> found.merge(r.code(), true, Boolean::logicalOr));
            } else if (KATOTTG_NAME.matcher(name).matches()) {
                // A village's code: part of its hromada.
                gazetteer.byKatottg(value).ifPresent(e -> found.merge(e.getKey().code(), e.getValue(), Boolean::logicalOr));
            } else if (ALERTS_IN_UA_NAME.matcher(name).matches()) {
                gazetteer.byLocationId(Gazetteer.ALERTS_IN_UA, value).ifPresent(r -> found.merge(r.code(), true, Boolean::logicalOr));
            } else if (UKRAINEALARM_NAME.matcher(name).matches()) {
                gazetteer.byLocationId(Gazetteer.UKRAINEALARM, value).ifPresent(r -> found.merge(r.code(), true, Boolean::logicalOr));
            }
        }
        return found;
    }

    private Map<String, Boolean> byShape(CapArea area) {
        Geometry shape = CapShapes.of(area, gazetteer.geometryFactory());
        Map<String, Boolean> found = new LinkedHashMap<>();
        gazetteer.touchedBy(shape).forEach((region, whole) -> found.put(region.code(), whole));
        return found;
    }

    /** The whole description as one name, else each part of a list ("Lviv, Odesa and Kharkiv"). */
    private Found byName(String areaDesc) {
        if (areaDesc == null || areaDesc.isBlank()) {
            return new Found(Map.of(), null, List.of());
        }
        Gazetteer.NameMatch whole = gazetteer.byName(areaDesc);
        if (whole.isUnique()) {
            return new Found(Map.of(whole.regions().get(0).code(), true), whole.reading(), List.of());
        }
        if (whole.isAmbiguous()) {
            return new Found(Map.of(), null, candidates(whole));
        }
        Map<String, Boolean> found = new LinkedHashMap<>();
        List<RegionCandidate> candidates = new ArrayList<>();
        Gazetteer.Reading reading = null;
        for (String part : LIST_SEPARATORS.split(areaDesc)) {
            if (part.isBlank()) {
                continue;
            }
            Gazetteer.NameMatch match = gazetteer.byName(part);
            if (match.isUnique()) {
                found.put(match.regions().get(0).code(), true);
                reading = reading == null || match.reading() == Gazetteer.Reading.CITY ? match.reading() : reading;
            } else if (match.isAmbiguous()) {
                candidates.addAll(candidates(match));
            }
        }
        return new Found(found, reading, candidates);
    }
}
