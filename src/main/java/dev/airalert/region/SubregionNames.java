package dev.airalert.region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of raions and hromadas that the data does not carry, derived from their
 * Ukrainian names by one rule each:
 * <ul>
 * <li>A city hromada ("м. Львів та Львівська територіальна громада") is also called by its
 * city, in Ukrainian, in the national transliteration and in the Duden transcription, and by
 * the German exonym where German has one: Львів, Lviv, Lwiw; Одеса, Odesa, Odessa. People say
 * "Odesa" and mean the city: the oblast is "Odesa Oblast", "Одеська область".</li>
 * <li>German: a city hromada is "Stadtgemeinde Lwiw", any other "Hromada Ahronomitschna"; a
 * raion is named after the city it is named after, where one of its hromadas is that city
 * ("Rajon Lwiw"), else after its Ukrainian adjective ("Rajon Bachtschyssarajskyj").</li>
 * <li>Russian: the data gives a hromada's adjective only; "громада" is added.</li>
 * </ul>
 */
final class SubregionNames {

    /** "м. Львів та Львівська територіальна громада": the city, then the community's adjective. */
    private static final Pattern CITY_HROMADA = Pattern.compile("м\\. (.+?) та (\\S+) територіальна громада");
    /** "Агрономічна територіальна громада", "Донецька міська громада". */
    private static final Pattern HROMADA = Pattern.compile("(.+?) (?:територіальна|міська|селищна|сільська) громада");
    private static final Pattern RAION = Pattern.compile("(.+)ий район");
    /** German names of cities that are not the Duden transcription of their Ukrainian name. */
    private static final Map<String, String> GERMAN_EXONYMS = Map.of("Київ", "Kiew", "Чернівці", "Czernowitz");

    private SubregionNames() {
    }

    /** The city a hromada is named after, when its name says so ("м. Львів та ..." -> Львів). */
    private static Optional<String> city(Region hromada) {
        Matcher m = CITY_HROMADA.matcher(hromada.names().getOrDefault("uk", ""));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String german(String ukrainian) {
        return GERMAN_EXONYMS.getOrDefault(ukrainian, Romanization.duden(ukrainian));
    }

    /** Regions with derived names, and the names of its city each city hromada is also called by. */
    record Completed(List<Region> regions, Map<String, List<String>> cityNames) {
    }

    /** Raions and hromadas with their derived names and aliases; other regions unchanged. */
    static Completed complete(List<Region> regions) {
        // A raion's city: the city hromada inside it whose adjective is the raion's ("Львівськ-").
        Map<String, String> cityOfRaion = new HashMap<>();
        for (Region r : regions) {
            Matcher m = CITY_HROMADA.matcher(r.names().getOrDefault("uk", ""));
            if (r.kind() == RegionKind.HROMADA && m.matches() && r.parent() != null) {
                cityOfRaion.put(r.parent() + "/" + stem(m.group(2)), m.group(1));
            }
        }
        List<Region> completed = new ArrayList<>(regions.size());
        Map<String, List<String>> cityNames = new HashMap<>();
        for (Region r : regions) {
            completed.add(switch (r.kind()) {
                case HROMADA -> hromada(r, cityNames);
                case RAION -> raion(r, cityOfRaion);
                default -> r;
            });
        }
        return new Completed(completed, cityNames);
    }

    private static Region hromada(Region r, Map<String, List<String>> cityNames) {
        String uk = r.names().getOrDefault("uk", "");
        Map<String, String> names = new LinkedHashMap<>();
        List<String> aliases = new ArrayList<>();
        Optional<String> city = city(r);
        if (city.isPresent()) {
            String c = city.get();
            names.put("de", "Stadtgemeinde " + german(c));
            aliases.addAll(List.of(c, "м. " + c, "місто " + c, Romanization.national(c),
                    Romanization.duden(c), german(c)));
            cityNames.put(r.code(), aliases);
        } else {
            Matcher m = HROMADA.matcher(uk);
            names.put("de", "Hromada " + Romanization.duden(m.matches() ? m.group(1) : uk));
        }
        String ru = r.names().get("ru");
        Map<String, String> given = new LinkedHashMap<>(r.names());
        if (ru != null && !ru.contains(" ")) {
            given.put("ru", ru + " громада");
        }
        Region withRussian = new Region(r.code(), r.country(), r.kind(), r.parent(), r.katottg(), given,
                r.aliases(), r.centre(), r.boundary(), r.otherCodes(), r.locationIds());
        return withRussian.withNames(names, aliases);
    }

    private static Region raion(Region r, Map<String, String> cityOfRaion) {
        Matcher m = RAION.matcher(r.names().getOrDefault("uk", ""));
        if (!m.matches()) {
            return r;
        }
        String city = cityOfRaion.get(r.code() + "/" + m.group(1));
        if (city == null) {
            return r.withNames(Map.of("de", "Rajon " + Romanization.duden(m.group(1) + "ий")), List.of());
        }
        return r.withNames(Map.of("de", "Rajon " + german(city)),
                List.of(Romanization.national(city) + " raion", "Rajon " + Romanization.duden(city)));
    }

    /** An adjective without its ending: Львівська, Львівський -> Львівськ. */
    private static String stem(String adjective) {
        return adjective.replaceFirst("(а|ий)$", "");
    }
}
