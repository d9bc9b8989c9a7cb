package dev.airalert.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.threat.ThreatLevel;
import dev.airalert.threat.ThreatType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The pieces of ukrainealarm's API v3 bodies, as its clients parse them: ids as strings,
 * {@code regionType} State, District or Community, times with microseconds and {@code Z},
 * threat types in its words (AIR, ARTILLERY, URBAN_FIGHTS, CHEMICAL, NUCLEAR).
 */
final class UkraineAlarmBodies {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** .NET ticks (100 ns since 0001-01-01) at the Unix epoch: ukrainealarm counts actions so. */
    private static final long TICKS_AT_EPOCH = 621_355_968_000_000_000L;

    private UkraineAlarmBodies() {
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    /** State (an oblast or an oblast-level city), District (a raion) or Community (a hromada). */
    static String regionType(Locations.Location location) {
        return switch (location.type()) {
            case "raion" -> "District";
            case "hromada" -> "Community";
            default -> "State";
        };
    }

    static String type(ThreatType type) {
        if (type.fromTheAir()) {
            return "AIR";
        }
        return switch (type) {
            case ARTILLERY_SHELLING -> "ARTILLERY";
            case URBAN_FIGHTS -> "URBAN_FIGHTS";
            case CHEMICAL -> "CHEMICAL";
            case NUCLEAR -> "NUCLEAR";
            default -> "INFO";
        };
    }

    static String level(ThreatLevel level) {
        return level == ThreatLevel.RED ? "Red" : "Yellow";
    }

    /** The alert's level, if it has one, as an entry of {@code activeAlertLevels}. */
    static void addLevel(ArrayNode levels, ActiveThreats.Active a) {
        if (a.level() != null) {
            levels.addObject().put("alertLevel", level(a.level()))
                    .put("reason", a.reason() != null ? a.reason() : defaultReason(a.level()))
                    .put("createdAt", time(a.startedAt()));
        }
    }

    /** The reason a level gives when the publisher gave none. */
    static String defaultReason(ThreatLevel level) {
        return level == ThreatLevel.RED ? "Ракетна загроза (червоний рівень)" : "Дронова загроза (жовтий рівень)";
    }

    /**
     * ukrainealarm's {@code lastActionIndex}: the last change's time as .NET ticks (100 ns since
     * year 1), its millisecond exact and its last four digits from a digest of the content. So
     * it grows with every change in time, equal content gives an equal index on every replica,
     * and a change of content always changes it, even one that made no newer event (an event
     * whose transaction committed late).
     */
    static long actionIndex(Instant at, String contentTag) {
        long ticks = TICKS_AT_EPOCH + at.getEpochSecond() * 10_000_000L + at.getNano() / 1_000_000 * 10_000L;
        return ticks + Long.parseLong(contentTag.substring(0, 8), 16) % 10_000;
    }

    /** {@code {"regionId", "regionType", "regionName"}} and, where given, {@code regionEngName}. */
    static ObjectNode region(ArrayNode into, Locations.Location location, String englishName) {
        ObjectNode region = into.addObject();
        region.put("regionId", location.regionId());
        region.put("regionType", regionType(location));
        region.put("regionName", location.title());
        if (englishName != null) {
            region.put("regionEngName", englishName);
        }
        return region;
    }
}
