package dev.airalert.region;

import dev.airalert.Deadline;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapArea;
import dev.airalert.cap.NamedValue;
import jakarta.enterprise.context.ApplicationScoped;
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
 * geocodes (ISO 3166-2, ISO 3166-1, KATOTTG), then polygons and circles against region
 * boundaries, then the area description by name in any language. What matches nothing is
 * kept and reported, never a reason to refuse the alert.
 */
@ApplicationScoped
public class RegionResolver {

    private static final Pattern ISO_3166_2 = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
    private static final Pattern ISO_3166_2_NAME = Pattern.compile("(?i)iso ?3166-2");
    private static final Pattern ISO_3166_1_NAME = Pattern.compile("(?i)iso ?3166-1(-alpha-2)?");
    private static final Pattern KATOTTG_NAME = Pattern.compile("(?i)katott[gh]|катоттг");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("(?U)\\s*(?:[,;]|\\band\\b|\\bund\\b|\\bта\\b|\\bі\\b|\\bи\\b)\\s*");

    private final Gazetteer gazetteer;

    RegionResolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Resolution resolve(CapAlert alert) {
        return resolve(alert, Deadline.NONE);
    }

    /** The regions the alert covers; gives up with {@link Deadline.Exceeded} once the deadline passes. */
    public Resolution resolve(CapAlert alert, Deadline deadline) {
        Map<String, Boolean> partialByRegion = new TreeMap<>();
        List<AreaResolution> areas = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>();
        for (int i = 0; i < alert.info().size(); i++) {
            List<CapArea> infoAreas = alert.info().get(i).area();
            for (int j = 0; j < infoAreas.size(); j++) {
                deadline.check();
                CapArea area = infoAreas.get(j);
                AreaResolution.Rule rule = AreaResolution.Rule.GEOCODE;
                Map<String, Boolean> found = byGeocodes(area);
                if (found.isEmpty() && CapShapes.hasShapes(area)) {
                    rule = AreaResolution.Rule.SHAPE;
                    found = byShape(area);
                }
                if (found.isEmpty()) {
                    rule = AreaResolution.Rule.NAME;
                    found = byName(area.areaDesc());
                }
                if (found.isEmpty()) {
                    rule = AreaResolution.Rule.NONE;
                    unresolved.add(area.areaDesc());
                }
                found.forEach((code, partial) -> partialByRegion.merge(code, partial, (a, b) -> a && b));
                areas.add(new AreaResolution(i, j, area.areaDesc(), rule, List.copyOf(found.keySet())));
            }
        }
        return new Resolution(partialByRegion, areas, List.copyOf(unresolved));
    }

    /**
     * The region code a caller means by a code or a name ("UA-30", "ua-30", "Kiew",
     * "Київ"); well-formed ISO 3166-2 codes are taken even when the gazetteer lacks them,
     * as alerts may carry them.
     */
    public Optional<String> codeFor(String codeOrName) {
        String upper = codeOrName.trim().toUpperCase(Locale.ROOT);
        if (ISO_3166_2.matcher(upper).matches()) {
            return Optional.of(upper);
        }
        return gazetteer.byName(codeOrName).map(Region::code);
    }

    /**
     * The codes whose alerts concern a region: itself, the regions it lies in (a
     * country-wide alert covers it) and the regions inside it.
     */
    public Set<String> withRelatives(String code) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(code);
        codes.addAll(gazetteer.ancestors(code));
        codes.addAll(gazetteer.descendants(code));
        return codes;
    }

    private Map<String, Boolean> byGeocodes(CapArea area) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        for (NamedValue geocode : area.geocode()) {
            if (geocode.valueName() == null || geocode.value() == null) {
                continue;
            }
            String name = geocode.valueName().trim();
            String value = geocode.value().trim().toUpperCase(Locale.ROOT);
            if (ISO_3166_2_NAME.matcher(name).matches() && ISO_3166_2.matcher(value).matches()) {
                found.put(value, false);
            } else if (ISO_3166_1_NAME.matcher(name).matches()) {
                gazetteer.byCode(value).filter(Region::isCountry).ifPresent(r -> found.put(r.code(), false));
            } else if (KATOTTG_NAME.matcher(name).matches()) {
                Optional<Region> exact = gazetteer.byKatottg(value);
                if (exact.isPresent()) {
                    found.put(exact.get().code(), false);
                } else {
                    // A district or community code: part of its first-level region.
                    gazetteer.enclosingKatottg(value).ifPresent(r -> found.putIfAbsent(r.code(), true));
                }
            }
        }
        return found;
    }

    private Map<String, Boolean> byShape(CapArea area) {
        Geometry shape = CapShapes.of(area, gazetteer.geometryFactory());
        Map<String, Boolean> found = new LinkedHashMap<>();
        gazetteer.touchedBy(shape).forEach((region, whole) -> found.put(region.code(), !whole));
        return found;
    }

    private Map<String, Boolean> byName(String areaDesc) {
        Map<String, Boolean> found = new LinkedHashMap<>();
        if (areaDesc == null || areaDesc.isBlank()) {
            return found;
        }
        Optional<Region> whole = gazetteer.byName(areaDesc);
        if (whole.isPresent()) {
            found.put(whole.get().code(), false);
            return found;
        }
        for (String part : LIST_SEPARATORS.split(areaDesc)) {
            if (!part.isBlank()) {
                gazetteer.byName(part).ifPresent(r -> found.put(r.code(), false));
            }
        }
        return found;
    }
}
