package dev.airalert.messaging;

import dev.airalert.region.Gazetteer;
import dev.airalert.region.Region;
import dev.airalert.region.RegionKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where in the country > oblast > raion > hromada tree a region sits, in the two schemes
 * brokers route by. The {@code alert.}/{@code alerts/} scheme names an oblast-level region
 * (a raion or hromada goes under its oblast, as such alerts did before raions and hromadas
 * were regions); the {@code place.}/{@code places/} scheme names a place at a fixed depth,
 * {@value #ABOVE} filling the levels below it, and takes an alert to every place it makes
 * active: the regions it covers and, for those it covers whole, every place inside them.
 */
@ApplicationScoped
class Places {

    /** The word for a level below the place: {@code place.UA.UA-46._._} is Lviv oblast itself. */
    static final String ABOVE = "_";

    /** A place's words: its country, oblast-level region, raion and hromada ({@value #ABOVE} below it). */
    record Place(String code, String country, String oblast, String raion, String hromada) {

        /** {@code place.<country>.<oblast>.<raion>.<hromada>.<type>}. */
        String routingKey(String type) {
            return "place." + country + "." + oblast + "." + raion + "." + hromada + "." + type;
        }

        /** {@code country}, {@code oblast} (any oblast-level region), {@code raion} or {@code hromada}. */
        String level() {
            return !hromada.equals(ABOVE) ? "hromada" : !raion.equals(ABOVE) ? "raion"
                    : !oblast.equals(ABOVE) ? "oblast" : "country";
        }

        /** {@code places/<country>/<oblast>/<raion>/<hromada>}. */
        String topic() {
            return "places/" + country + "/" + oblast + "/" + raion + "/" + hromada;
        }
    }

    private final Gazetteer gazetteer;
    private final Map<String, Optional<Place>> places = new ConcurrentHashMap<>();

    Places(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * The region the {@code alert.} scheme names for this code: for a raion or hromada the
     * oblast-level region it lies in (never a KATOTTG code), for any other region itself.
     */
    String oblastLevel(String code) {
        Optional<Region> region = gazetteer.byCode(code);
        if (region.isEmpty() || !region.get().kind().isBelowOblast()) {
            return region.map(Region::code).orElse(code);
        }
        for (String ancestor : gazetteer.ancestors(region.get().code())) {
            Optional<Region> above = gazetteer.byCode(ancestor);
            if (above.isPresent() && !above.get().kind().isBelowOblast() && !above.get().isCountry()) {
                return above.get().code();
            }
        }
        return region.get().code();
    }

    /** The {@code alert.} scheme's regions for these codes, each once. */
    Set<String> oblastLevel(Collection<String> codes) {
        Set<String> regions = new LinkedHashSet<>();
        codes.forEach(code -> regions.add(oblastLevel(code)));
        return regions;
    }

    /**
     * The codes whose alerts count for an {@code alert.} scheme region's state: itself and, below
     * a country, every region inside it (alerts of its raions and hromadas were stored on it as
     * covering part of it before those were regions of their own). A country's counts its own.
     */
    Set<String> within(String region) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(region);
        if (gazetteer.byCode(region).filter(Region::isCountry).isEmpty()) {
            codes.addAll(gazetteer.descendants(region));
        }
        return codes;
    }

    /**
     * The place of a region; empty for one that has no level of the tree (a region of another
     * kind an operator's file adds below an oblast). A code the gazetteer lacks (an ISO 3166-2
     * code alerts may carry) is an oblast-level place when it has a dash, else a country.
     */
    Optional<Place> place(String code) {
        return places.computeIfAbsent(code, this::locate);
    }

    /**
     * The places an alert on these regions makes active, each once: every region and, unless
     * it is covered only in part, every place inside it (an oblast's alert is its raions' and
     * hromadas' alert too; a hromada's alert is its own only).
     */
    Set<String> reached(Collection<String> regions, Set<String> inPart) {
        Set<String> reached = new LinkedHashSet<>();
        for (String code : regions) {
            String own = gazetteer.byCode(code).map(Region::code).orElse(code);
            reached.add(own);
            if (!inPart.contains(code) && !inPart.contains(own)) {
                reached.addAll(gazetteer.descendants(own));
            }
        }
        reached.removeIf(code -> place(code).isEmpty());
        return reached;
    }

    /** The places a region lies in, its parent first. */
    List<String> above(String code) {
        return gazetteer.ancestors(code).stream().filter(c -> place(c).isPresent()).toList();
    }

    private Optional<Place> locate(String code) {
        Optional<Region> region = gazetteer.byCode(code);
        if (region.isEmpty()) {
            String country = Topics.country(code);
            return Optional.of(country.equals(code) ? new Place(code, code, ABOVE, ABOVE, ABOVE)
                    : new Place(code, country, code, ABOVE, ABOVE));
        }
        List<String> path = new ArrayList<>(gazetteer.ancestors(region.get().code()));
        Collections.reverse(path);
        path.add(region.get().code());
        String country = region.get().country() == null ? Topics.country(code) : region.get().country();
        String oblast = ABOVE;
        String raion = ABOVE;
        String hromada = ABOVE;
        for (String step : path) {
            RegionKind kind = gazetteer.byCode(step).map(Region::kind).orElse(RegionKind.OTHER);
            if (kind == RegionKind.COUNTRY) {
                country = step;
            } else if (kind == RegionKind.RAION && !oblast.equals(ABOVE)) {
                raion = step;
            } else if (kind == RegionKind.HROMADA && !raion.equals(ABOVE)) {
                hromada = step;
            } else if (!kind.isBelowOblast() && oblast.equals(ABOVE)) {
                oblast = step;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Place(region.get().code(), country, oblast, raion, hromada));
    }
}
