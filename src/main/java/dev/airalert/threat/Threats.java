package dev.airalert.threat;

import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapInfo;
import dev.airalert.cap.NamedValue;
import dev.airalert.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads an alert's {@link Threat}. A publisher names it in CAP: the type as an
 * {@code <eventCode>} with valueName {@value #TYPE}, the level and the reason as
 * {@code <parameter>}s named {@value #LEVEL} and {@value #REASON}; the first info that names
 * one decides it. Without a named type the event decides, by the words in {@link #BY_EVENT}
 * (English, Ukrainian, German), in the order listed (the most specific first), and without a
 * known word the category: {@code Security} is an air raid, {@code CBRNE} a chemical threat,
 * anything else an information notice. Without a named level, drones are yellow, missiles and
 * ballistic missiles red, others have none. docs/api.md#threat-types-and-levels lists it all.
 */
public final class Threats {

    /** The eventCode valueName that names the threat type. */
    public static final String TYPE = "airalert:threat";
    /** The parameter valueName that names the threat level. */
    public static final String LEVEL = "airalert:threat-level";
    /** The parameter valueName of the reason text. */
    public static final String REASON = "airalert:threat-reason";
    /** The longest reason kept: a line on a device's screen, not a description. */
    public static final int REASON_LENGTH = 500;

    private record Words(ThreatType type, Pattern words) {
    }

    /** Word stems matched at the start of a word, any case. */
    static final List<Words> BY_EVENT = List.of(
            words(ThreatType.BALLISTIC, "ballist", "балістичн", "баллистическ"),
            words(ThreatType.GUIDED_BOMBS, "guided bomb", "glide bomb", "guided aerial bomb", "каб(?![\\p{L}\\p{N}])", "керован\\S* авіабомб",
                    "керован\\S* бомб", "авіабомб", "gelenkte bombe", "gleitbombe"),
            words(ThreatType.TACTICAL_AVIATION, "tactical aviation", "tactical aircraft", "тактичн\\S* авіац",
                    "taktische luftwaffe", "kampfflugzeug"),
            words(ThreatType.MISSILES, "missile", "rocket", "ракет", "rakete", "marschflugkörper"),
            words(ThreatType.DRONES, "drone", "uav", "shahed", "дрон", "безпілот", "бпла", "шахед", "drohne"),
            words(ThreatType.ARTILLERY_SHELLING, "artillery", "shelling", "артилер", "артобстріл", "обстріл",
                    "artillerie", "beschuss"),
            words(ThreatType.URBAN_FIGHTS, "urban fight", "street fight", "urban combat", "вуличн\\S* бо",
                    "straßenkampf", "häuserkampf"),
            words(ThreatType.CHEMICAL, "chemical", "хімічн", "chemisch", "chemie"),
            words(ThreatType.NUCLEAR, "nuclear", "radiation", "radiolog", "ядерн", "радіац", "радіолог", "nuklear",
                    "atom", "strahlung", "radioaktiv"),
            words(ThreatType.AIR_RAID, "air raid", "air-raid", "airraid", "air alert", "air attack", "air threat",
                    "повітрян", "luftalarm", "fliegeralarm", "luftangriff", "luftgefahr"));

    private Threats() {
    }

    private static Words words(ThreatType type, String... stems) {
        return new Words(type, Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", stems) + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The threat of a valid alert ({@link #problems} found nothing). */
    public static Threat of(CapAlert alert) {
        List<CapInfo> infos = alert.info();
        ThreatType type = first(infos, i -> named(i.eventCode(), TYPE).flatMap(ThreatType::fromWire))
                .or(() -> first(infos, i -> byEvent(i.event())))
                .orElseGet(() -> byCategory(infos));
        ThreatLevel level = first(infos, i -> named(i.parameter(), LEVEL).flatMap(ThreatLevel::fromWire))
                .orElseGet(() -> defaultLevel(type));
        // Clipped for what was stored before the length was checked; new alerts are refused over it.
        String reason = first(infos, i -> named(i.parameter(), REASON).map(String::strip).filter(r -> !r.isEmpty()))
                .map(Threats::clip).orElse(null);
        return new Threat(type, level, reason);
    }

    /** What is wrong with the threat fields a publisher set, each naming its field; empty when nothing. */
    public static List<FieldError> problems(CapAlert alert) {
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < alert.info().size(); i++) {
            CapInfo info = alert.info().get(i);
            check(info.eventCode(), TYPE, "info[" + i + "].eventCode", ThreatType.WIRE_NAMES, problems);
            check(info.parameter(), LEVEL, "info[" + i + "].parameter", ThreatLevel.WIRE_NAMES, problems);
            for (int p = 0; p < info.parameter().size(); p++) {
                NamedValue v = info.parameter().get(p);
                if (REASON.equalsIgnoreCase(name(v)) && v.value() != null && v.value().strip().length() > REASON_LENGTH) {
                    problems.add(new FieldError("info[" + i + "].parameter[" + p + "].value",
                            "a " + REASON + " must be at most " + REASON_LENGTH + " characters"));
                }
            }
        }
        return problems;
    }

    private static void check(List<NamedValue> values, String name, String path, List<String> allowed,
            List<FieldError> problems) {
        for (int n = 0; n < values.size(); n++) {
            NamedValue v = values.get(n);
            if (name.equalsIgnoreCase(name(v)) && allowed.stream().noneMatch(a -> a.equalsIgnoreCase(
                    v.value() == null ? "" : v.value().trim()))) {
                problems.add(new FieldError(path + "[" + n + "].value",
                        "'" + v.value() + "' is not a " + name + "; one of " + String.join(", ", allowed)));
            }
        }
    }

    /** The type an event's words name, if any. */
    static Optional<ThreatType> byEvent(String event) {
        if (event == null) {
            return Optional.empty();
        }
        return BY_EVENT.stream().filter(w -> w.words().matcher(event).find()).map(Words::type).findFirst();
    }

    private static ThreatType byCategory(List<CapInfo> infos) {
        List<String> categories = infos.stream().flatMap(i -> i.category().stream()).toList();
        if (categories.contains("Security")) {
            return ThreatType.AIR_RAID;
        }
        return categories.contains("CBRNE") ? ThreatType.CHEMICAL : ThreatType.INFO;
    }

    private static ThreatLevel defaultLevel(ThreatType type) {
        return switch (type) {
            case DRONES -> ThreatLevel.YELLOW;
            case MISSILES, BALLISTIC -> ThreatLevel.RED;
            default -> null;
        };
    }

    /** At most {@link #REASON_LENGTH} characters, a cut marked with an ellipsis and never inside a pair. */
    private static String clip(String reason) {
        if (reason.length() <= REASON_LENGTH) {
            return reason;
        }
        int end = REASON_LENGTH - 1;
        if (Character.isHighSurrogate(reason.charAt(end - 1))) {
            end--;
        }
        return reason.substring(0, end) + "…";
    }

    private static Optional<String> named(List<NamedValue> values, String name) {
        return values.stream().filter(v -> name.equalsIgnoreCase(name(v)) && v.value() != null)
                .map(NamedValue::value).findFirst();
    }

    private static String name(NamedValue v) {
        return v.valueName() == null ? "" : v.valueName().trim().toLowerCase(Locale.ROOT);
    }

    private static <T> Optional<T> first(List<CapInfo> infos, Function<CapInfo, Optional<T>> read) {
        return infos.stream().map(read).flatMap(Optional::stream).findFirst();
    }
}
