package dev.airalert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.Lru;
import dev.airalert.cap.CapEnums;
import dev.airalert.cap.CapLanguages;
import dev.airalert.event.EventType;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.RegionResolver;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a push message says (docs/push.md): one notification per alert chain (its {@code tag}),
 * in the subscriber's language, cut to fit what push services carry. A new alert and an
 * all-clear sound ({@code renotify}); an update replaces the notification silently unless it
 * escalates: severity, urgency or certainty up, threat level yellow to red, or the area newly
 * covering the subscriber's place.
 *
 * <p>Built once per event, language and place (and newly-covered or not), on the dispatch thread
 * (it reads the event); kept for the next sends, so a fan-out to thousands builds a handful.
 */
@ApplicationScoped
class PushNotices {

    /** The plaintext's limit: 4,096 bytes a push service must take, less the encryption's 103, with room. */
    static final int MAX_BYTES = 3000;
    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 1000;

    /** "All clear" in the languages the page speaks; others get English. */
    static final Map<String, String> ALL_CLEAR = Map.of("uk", "Відбій тривоги", "en", "All clear", "de", "Entwarnung");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;
    private final Gazetteer gazetteer;
    private final RegionResolver resolver;
    private final Lru<Long, Facts> facts = new Lru<>(64);
    private final Lru<String, Notice> notices = new Lru<>(512);

    PushNotices(AgroalDataSource dataSource, Gazetteer gazetteer, RegionResolver resolver) {
        this.dataSource = dataSource;
        this.gazetteer = gazetteer;
        this.resolver = resolver;
    }

    /** The plaintext, and whether it is urgent (a Severe or Extreme alert, or an all-clear). */
    record Notice(byte[] plaintext, boolean urgent) {
    }

    /** What a notice of the event needs, read once: the alert, whether it escalates, whom it newly covers. */
    private record Facts(JsonNode alert, boolean escalates, Set<UUID> newlyCovered) {
    }

    /** The notice if it is at hand (on the event loop, which must not block); null otherwise. */
    Notice atHand(Outgoing delivery) {
        Facts known = facts.get(delivery.eventSeq());
        return known == null ? null : notices.get(key(delivery, known));
    }

    /** The notice, built from the stored event if need be (blocking reads). */
    Notice notice(Outgoing delivery) throws SQLException {
        Facts known = facts.get(delivery.eventSeq());
        if (known == null) {
            known = read(delivery);
            facts.put(delivery.eventSeq(), known);
        }
        String key = key(delivery, known);
        Notice notice = notices.get(key);
        if (notice == null) {
            notice = build(delivery, known);
            notices.put(key, notice);
        }
        return notice;
    }

    private static String key(Outgoing d, Facts f) {
        return d.eventSeq() + "|" + d.languages() + "|" + d.place() + "|" + f.newlyCovered().contains(d.subscriptionId());
    }

    private Notice build(Outgoing d, Facts f) {
        JsonNode alert = f.alert();
        JsonNode info = info(alert, d.languages());
        String language = language(d.languages(), info);
        boolean allClear = EventType.CANCELLED.wire().equals(d.type());
        String place = placeName(d.place(), language);
        String title;
        String body;
        if (allClear) {
            title = ALL_CLEAR.getOrDefault(language, ALL_CLEAR.get("en")) + (place.isEmpty() ? "" : ": " + place);
            JsonNode ended = alert.path("ends").path(0);
            body = firstOf(ended.path("headline").asText(""), text(info, "headline"), text(info, "description"));
        } else {
            String what = firstOf(text(info, "headline"), text(info, "event"));
            // A headline naming the place already ("Air raid alert in Kyiv") needs it no second time.
            boolean named = !place.isEmpty() && what.toLowerCase(java.util.Locale.ROOT)
                    .contains(place.toLowerCase(java.util.Locale.ROOT));
            title = place.isEmpty() || named ? what : what + ": " + place;
            body = firstOf(text(info, "instruction"), text(info, "description"));
        }
        String severity = text(info, "severity");
        boolean severe = "Severe".equals(severity) || "Extreme".equals(severity);
        boolean renotify = !EventType.UPDATED.wire().equals(d.type()) || f.escalates()
                || f.newlyCovered().contains(d.subscriptionId());
        ObjectNode message = JSON.createObjectNode();
        message.put("v", 1);
        message.put("id", d.eventId());
        message.put("type", d.type());
        message.put("tag", "airalert-" + d.chainKey());
        message.put("renotify", renotify);
        message.put("lang", language);
        message.put("title", cut(title, MAX_TITLE));
        message.put("body", cut(body, MAX_BODY));
        String region = d.place() != null ? d.place() : alert.path("regions").path(0).asText("");
        message.put("url", "/?region=" + URLEncoder.encode(region, StandardCharsets.UTF_8));
        message.put("region", region);
        message.put("alert", alert.path("id").asText(""));
        if (!severity.isEmpty()) {
            message.put("severity", severity);
        }
        message.set("threat", alert.path("threat").isObject() ? threat(alert.path("threat")) : null);
        String expires = text(info, "expires");
        if (!allClear && !expires.isEmpty()) {
            message.put("expires", expires);
        } else {
            message.putNull("expires");
        }
        message.put("requireInteraction", severe && !allClear);
        byte[] plaintext = bytes(message);
        // Cut the body further until it fits: the rest is one click away.
        while (plaintext.length > MAX_BYTES && message.path("body").asText().length() > 0) {
            String text = message.path("body").asText();
            message.put("body", cut(text, text.length() / 2));
            plaintext = bytes(message);
        }
        return new Notice(plaintext, severe || allClear);
    }

    private static ObjectNode threat(JsonNode threat) {
        ObjectNode kept = JSON.createObjectNode();
        kept.put("type", threat.path("type").asText(null));
        kept.put("level", threat.path("level").asText(null));
        return kept;
    }

    /** The first info in one of these languages (in their order), else the first. */
    private static JsonNode info(JsonNode alert, List<String> languages) {
        JsonNode infos = alert.path("info");
        for (String wanted : languages) {
            for (JsonNode info : infos) {
                if (CapLanguages.matches(info.path("language").asText("en-US"), wanted)) {
                    return info;
                }
            }
        }
        return infos.path(0);
    }

    /** The notice's language: the subscriber's first, else the info's, as a primary subtag. */
    private static String language(List<String> languages, JsonNode info) {
        String tag = !languages.isEmpty() ? languages.get(0) : info.path("language").asText("en");
        return tag.split("-")[0].toLowerCase(java.util.Locale.ROOT);
    }

    private String placeName(String code, String language) {
        return code == null ? "" : gazetteer.byCode(code).map(r -> r.name(language)).orElse(code);
    }

    private Facts read(Outgoing d) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            JsonNode alert = parse(one(c, "SELECT payload FROM alert_event WHERE seq = ?", d.eventSeq()));
            if (!EventType.UPDATED.wire().equals(d.type())) {
                return new Facts(alert, false, Set.of());
            }
            List<JsonNode> before = new ArrayList<>();
            String related = one(c, "SELECT related_alert_ids FROM alert_event WHERE seq = ?", d.eventSeq());
            try (PreparedStatement load = c.prepareStatement(
                    "SELECT payload FROM alert_event WHERE alert_id = ? ORDER BY seq LIMIT 1")) {
                for (String id : related.split(",")) {
                    if (!id.isBlank() && before.size() < 20) {
                        load.setObject(1, UUID.fromString(id));
                        try (ResultSet rs = load.executeQuery()) {
                            if (rs.next()) {
                                before.add(parse(rs.getString(1)));
                            }
                        }
                    }
                }
            }
            return new Facts(alert, escalates(alert, before), newlyCovered(c, alert, before));
        }
    }

    /** Severity, urgency or certainty up a rank, or the threat level yellow to red, against every alert it updates. */
    static boolean escalates(JsonNode update, List<JsonNode> before) {
        if (before.isEmpty()) {
            return false;
        }
        for (JsonNode earlier : before) {
            if (rank(update, "severity") > rank(earlier, "severity") || rank(update, "urgency") > rank(earlier, "urgency")
                    || rank(update, "certainty") > rank(earlier, "certainty")
                    || "red".equals(update.path("threat").path("level").asText())
                    && "yellow".equals(earlier.path("threat").path("level").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The highest rank of the field over the alert's infos: a higher number is graver, sooner or surer. */
    private static int rank(JsonNode alert, String field) {
        int best = -1;
        for (JsonNode info : alert.path("info")) {
            String value = info.path(field).asText("");
            int rank = switch (field) {
                case "severity" -> CapEnums.SEVERITY.contains(value) ? CapEnums.severityRank(value) : -1;
                case "urgency" -> CapEnums.URGENCY.contains(value) ? CapEnums.URGENCY.size() - CapEnums.URGENCY.indexOf(value) : -1;
                default -> CapEnums.CERTAINTY.contains(value) ? CapEnums.CERTAINTY.size() - CapEnums.CERTAINTY.indexOf(value) : -1;
            };
            best = Math.max(best, "Unknown".equals(value) ? 0 : rank);
        }
        return best;
    }

    /** The push subscriptions whose places the update reaches and the alerts it updates did not. */
    private Set<UUID> newlyCovered(Connection c, JsonNode update, List<JsonNode> before) throws SQLException {
        Set<String> covered = new HashSet<>();
        before.forEach(b -> b.path("regions").forEach(r -> covered.addAll(resolver.withRelatives(r.asText()))));
        Set<String> added = new HashSet<>();
        update.path("regions").forEach(r -> {
            if (!covered.contains(r.asText())) {
                added.addAll(resolver.withRelatives(r.asText()));
            }
        });
        added.removeAll(covered);
        Set<UUID> subscriptions = new HashSet<>();
        if (added.isEmpty()) {
            return subscriptions;
        }
        try (PreparedStatement find = c.prepareStatement("SELECT r.subscription_id FROM subscription_region r"
                + " JOIN subscription s ON s.id = r.subscription_id WHERE s.format = 'webpush' AND r.region_code = ANY(?)")) {
            find.setArray(1, c.createArrayOf("varchar", added.toArray()));
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    subscriptions.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return subscriptions;
    }

    private static String one(Connection c, String sql, long seq) throws SQLException {
        try (PreparedStatement load = c.prepareStatement(sql)) {
            load.setLong(1, seq);
            try (ResultSet rs = load.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("Event " + seq + " is not in the event log");
                }
                return rs.getString(1);
            }
        }
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event payloads are JSON", e);
        }
    }

    private static byte[] bytes(ObjectNode message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notice always serialises", e);
        }
    }

    private static String text(JsonNode info, String field) {
        return info.path(field).asText("").trim();
    }

    private static String firstOf(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return "";
    }

    /** At most {@code max} characters, cut at a word with an ellipsis, never inside a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
