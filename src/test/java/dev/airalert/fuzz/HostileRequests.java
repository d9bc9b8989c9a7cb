package dev.airalert.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hostile requests as an attacker holding a publisher key would send them: seeded, so a
 * failure can be replayed, and spread over every category where a message once cost the
 * service more than it should (shapes, lengths, characters, JSON and XML structure,
 * references, times, languages, history queries, sizes and media types). Documents are
 * derived from the valid CAP corpus and from the JSON form. Only the JDK is used, so the
 * benchmark can run it against any running service.
 */
public final class HostileRequests {

    /** One request: what it tries, and what to send. */
    public record Probe(String category, String method, String path, String contentType, byte[] body) {
    }

    static final List<String> CATEGORIES = List.of("geometry", "lengths", "characters", "json", "xml",
            "references", "times", "languages", "history", "transport", "valid");

    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final Pattern IDENTIFIER = Pattern.compile("<identifier>[^<]*</identifier>");
    private static final String[] TEXT_FIELDS = {"headline", "description", "instruction", "senderName", "contact",
        "web", "audience", "event", "language"};
    private static final String[] ALERT_FIELDS = {"identifier", "sender", "source", "note", "incidents", "addresses"};

    private final Random random;
    private final List<String> corpus;
    private final String run;
    private int counter;

    public HostileRequests(long seed, List<String> validCorpus) {
        this.random = new Random(seed);
        this.corpus = validCorpus;
        this.run = Long.toString(Math.abs(seed % 100_000), 36) + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /** The valid CAP 1.2 XML messages of the corpus directory (as its SOURCES.tsv marks them). */
    public static List<String> validCorpus(Path corpusDir) throws IOException {
        List<String> valid = new ArrayList<>();
        for (String line : Files.readAllLines(corpusDir.resolve("SOURCES.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length > 5 && cols[5].equals("valid") && line.contains("CAP1.2") && !line.contains("EDXL")
                    && !line.contains("XMLDSIG")) {
                valid.add(Files.readString(corpusDir.resolve(cols[0]), StandardCharsets.UTF_8));
            }
        }
        return valid;
    }

    public Probe next() {
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        return switch (category) {
            case "geometry" -> geometry();
            case "lengths" -> lengths();
            case "characters" -> characters();
            case "json" -> jsonStructure();
            case "xml" -> xmlStructure();
            case "references" -> references();
            case "times" -> times();
            case "languages" -> languages();
            case "history" -> history();
            case "transport" -> transport();
            default -> valid();
        };
    }

    // --- categories ---

    private Probe geometry() {
        int kind = random.nextInt(7);
        String area = switch (kind) {
            case 0 -> polygonArea(zigzag(some(5000, 5001, 2000, 3000, 20 + random.nextInt(500))));
            case 1 -> polygonArea(zigzag(4) + " " + zigzag(4));
            case 2 -> "{\"areaDesc\": \"c\", \"circle\": [\"50.45,30.52 " + pick("1" + "0".repeat(400), "1e400",
                    "20039", "99999999999999999999", "-1", "NaN", "0", "20038", "0." + "0".repeat(900) + "1") + "\"]}";
            case 3 -> "{\"areaDesc\": \"p\", \"polygon\": [" + repeat(some(101, 501, 30), "\"" + zigzag(50) + "\"")
                    + "]}";
            case 4 -> polygonArea(pick("50,30 51,31 50,30", "91,0 0,0 1,1 91,0", "50,30 51,31 52,30 50,30,",
                    "1" + "1".repeat(2000) + ",30 51,31 52,30 1,30", "50,30 " + "51,31 ".repeat(4998) + "50,30"));
            case 5 -> repeat(some(4001, 2001, 500), "{\"areaDesc\": \"Kyiv\", \"geocode\": [{\"valueName\": "
                    + "\"ISO 3166-2\", \"value\": \"UA-30\"}]}");
            default -> "{\"areaDesc\": \"g\", \"geocode\": [" + repeat(some(10_001, 5000), "{\"valueName\": "
                    + "\"ISO 3166-2\", \"value\": \"UA-" + random.nextInt(80) + "\"}") + "]}";
        };
        return alert("geometry", info("Security", "air raid", area));
    }

    private Probe lengths() {
        int length = some(64, 65, 256, 257, 1024, 1025, 4000, 4001, 32_000, 32_001, 100_000, 300_000);
        String text = "x".repeat(length);
        if (random.nextBoolean()) {
            String field = TEXT_FIELDS[random.nextInt(TEXT_FIELDS.length)];
            String value = field.equals("web") ? "https://e.example/" + text : text;
            return alert("lengths", "{\"category\": [\"Security\"], \"event\": \"air raid\", \"urgency\": "
                    + "\"Immediate\", \"severity\": \"Extreme\", \"certainty\": \"Observed\", " + quote(field) + ": "
                    + quote(value) + ", \"area\": [{\"areaDesc\": " + quote(random.nextBoolean() ? "Kyiv" : text)
                    + "}]}");
        }
        String field = ALERT_FIELDS[random.nextInt(ALERT_FIELDS.length)];
        String json = basicAlert().replaceFirst("\"status\"", quote(field) + ": " + quote(text) + ", \"status\"");
        if (field.equals("identifier") || field.equals("sender")) {
            json = basicAlert(field.equals("sender") ? text : "s-" + run, field.equals("identifier") ? text : id(),
                    now(), "Alert", null, kyivInfo());
        }
        return json("lengths", json);
    }

    private Probe characters() {
        String bad = pick("\\u0000", "\\u0001", "\\u001f", "\\u000b", "\\ufffe", "\\uffff", "\\ud800", "\\udc00x",
                "\\u0008", "\\u007f\\u0000");
        if (random.nextInt(4) == 0) {
            String xml = corpusXml().replaceFirst("</headline>", pick("&#0;", "&#x1;", "\u0001", "&#xFFFE;",
                    "\uD800") + "</headline>").replaceFirst("</areaDesc>", pick("\u0000", "&#11;", "") + "</areaDesc>");
            return xml("characters", xml);
        }
        String field = pick("headline", "description", "event", "areaDesc", "senderName", "instruction");
        String info = kyivInfo().replace("\"headline\": \"", "\"headline\": \"" + (field.equals("headline") ? bad : ""));
        info = info.replace("\"event\": \"air raid\"", "\"event\": \"air raid" + (field.equals("event") ? bad : "")
                + "\", \"description\": \"d" + (field.equals("description") ? bad : "") + "\", \"instruction\": \"i"
                + (field.equals("instruction") ? bad : "") + "\", \"senderName\": \"n"
                + (field.equals("senderName") ? bad : "") + "\"");
        info = info.replace("\"areaDesc\": \"Kyiv", "\"areaDesc\": \"Kyiv" + (field.equals("areaDesc") ? bad : ""));
        if (random.nextBoolean()) {
            return json("characters", basicAlert("s" + bad + run, id(), now(), "Alert", null, info));
        }
        return json("characters", basicAlert("s-" + run, id(), now(), "Alert", null, info));
    }

    private Probe jsonStructure() {
        int kind = random.nextInt(8);
        String json = switch (kind) {
            case 0 -> "[".repeat(some(33, 1001, 5000)) + "]".repeat(3);
            case 1 -> "{\"identifier\": " + "{\"a\": ".repeat(some(33, 1001, 3000)) + "1" + "}".repeat(10);
            case 2 -> basicAlert().replaceFirst("\"status\"", "\"note\": " + "9".repeat(some(65, 1001, 5000))
                    + ", \"status\"");
            case 3 -> basicAlert().replaceFirst("\"status\": \"Actual\"", "\"status\": \"Actual\", \"status\": \"Test\"");
            case 4 -> basicAlert().replace("\"event\": \"air raid\"", "\"event\": \"air raid\", \"event\": \"drill\"");
            case 5 -> basicAlert().substring(0, random.nextInt(basicAlert().length()));
            case 6 -> basicAlert().replace("\"info\": [", "\"info\": [" + repeat(33, kyivInfoText()) + ", ");
            default -> basicAlert().replace("\"category\": [\"Security\"]", "\"category\": "
                    + pick("7", "{}", "[[]]", "null", "[" + "\"Security\",".repeat(5000) + "\"Security\"]"));
        };
        return json("json", json);
    }

    private Probe xmlStructure() {
        String xml = corpusXml();
        int kind = random.nextInt(7);
        xml = switch (kind) {
            case 0 -> xml.replaceFirst("</areaDesc>", "</areaDesc>" + "<x>".repeat(some(100, 5000, 20_000))
                    + "</x>".repeat(3));
            case 1 -> xml.substring(0, random.nextInt(xml.length()));
            case 2 -> "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                    + xml.replaceFirst("<\\?xml[^>]*\\?>", "").replaceFirst("</headline>", "&b;</headline>");
            case 3 -> flipBytes(xml);
            case 4 -> xml.replaceFirst("(<area>.*?</area>)", "$1".repeat(1) + repeatGroup(xml, some(40, 4001)));
            case 5 -> xml.replaceFirst("<language>[^<]*</language>", "<language>" + "a-".repeat(50_000) + "b</language>");
            default -> xml.replaceFirst("<alert", "<alert xmlns:x=\"urn:x\" x:a=\"" + "y".repeat(200_000) + "\"");
        };
        return xml("xml", xml);
    }

    private Probe references() {
        int count = some(55, 500, 2000, 2001, 20_000 / 8);
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            refs.append(i == 0 ? "" : " ").append("s-").append(run).append(',').append(pick("id-" + i,
                    "x".repeat(1025), "")).append(',').append(pick(now(), "2026-13-01T00:00:00+00:00", "yesterday"));
        }
        return json("references", basicAlert("s-" + run, id(), now(), pick("Cancel", "Update"), refs.toString(),
                kyivInfo()));
    }

    private Probe times() {
        String sent = pick("0000-01-01T00:00:00+00:00", "9999-12-31T23:59:59+14:00", "2026-02-30T00:00:00+00:00",
                "2026-12-01T24:00:00+00:00", "2026-12-01T00:00:00+99:99", "20261-12-01T00:00:00+00:00",
                "2026-12-01T00:00:00.123456789+00:00", "-2026-12-01T00:00:00+00:00", "2026-12-01T00:00:00-00:00");
        String info = kyivInfo().replace("\"urgency\"", "\"expires\": " + quote(pick(sent, now(),
                "0001-01-01T00:00:00+00:00")) + ", \"urgency\"");
        return json("times", basicAlert("s-" + run, id(), random.nextBoolean() ? sent : now(), "Alert", null, info));
    }

    private Probe languages() {
        String language = pick("a".repeat(100_000), "en-" + "abcdefgh-".repeat(20_000) + "x", "uk", "", " ",
                "x-" + "a".repeat(64), "en_US", "-".repeat(1000), "zh-Hant-TW-x-private-a-b-c");
        return json("languages", basicAlert("s-" + run, id(), now(), "Alert", null,
                kyivInfo().replace("{\"category\"", "{\"language\": " + quote(language) + ", \"category\"")));
    }

    private Probe history() {
        String since = pick("0000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "-4714-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2026-12-01T00:00:00%00Z", "x", "2026-12-01T00:00:00%2B02:00");
        String cursor = pick(Base64.getUrlEncoder().withoutPadding().encodeToString(
                (pick("9223372036854775807", "-9223372036854775808", "0", "99999999999999999999") + ":"
                        + pick("00000000-0000-0000-0000-000000000000", "x")).getBytes(StandardCharsets.US_ASCII)),
                "%00", "!!!", "A".repeat(3000));
        String query = switch (random.nextInt(5)) {
            case 0 -> "since=" + since;
            case 1 -> "until=" + since;
            case 2 -> "cursor=" + cursor;
            case 3 -> "sender=" + pick("%00", "a%01b", "x".repeat(3000)) + "&limit=" + pick("0", "-1", "100000", "9"
                    .repeat(30));
            default -> "region=" + pick("UA-30", "%00", "x".repeat(3000)) + "&event=" + pick("%00", "air%20raid");
        };
        return new Probe("history", "GET", "/api/v1/alerts?" + query, null, null);
    }

    private Probe transport() {
        return switch (random.nextInt(4)) {
            case 0 -> new Probe("transport", "POST", "/api/v1/alerts", "application/json",
                    new byte[1_048_577 + random.nextInt(1000)]);
            case 1 -> new Probe("transport", "POST", "/api/v1/alerts", pick("text/plain", "application/x-www-form-"
                    + "urlencoded", "multipart/form-data; boundary=x", "application/json; charset=" + "x".repeat(200)),
                    basicAlert().getBytes(StandardCharsets.UTF_8));
            case 2 -> new Probe("transport", "POST", "/api/v1/alerts", "application/json", new byte[0]);
            default -> new Probe("transport", "POST", "/api/v1/subscriptions", "application/json",
                    ("{\"url\": \"http://127.0.0.1:9/h\", \"regions\": [\"UA-30\"], \"description\": "
                            + quote(pick("d\\u0000", "x".repeat(600), "ok")) + ", \"events\": ["
                            + repeat(some(50, 51), quote("e".repeat(some(256, 257)))) + "], \"languages\": ["
                            + repeat(10, quote("x-" + "a".repeat(62))) + "]}").getBytes(StandardCharsets.UTF_8));
        };
    }

    private Probe valid() {
        return random.nextBoolean() ? xml("valid", corpusXml()) : json("valid", basicAlert());
    }

    // --- building blocks ---

    private Probe alert(String category, String info) {
        return json(category, basicAlert("s-" + run, id(), now(), "Alert", null, info));
    }

    private Probe json(String category, String json) {
        return new Probe(category, "POST", "/api/v1/alerts", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private Probe xml(String category, String xml) {
        return new Probe(category, "POST", "/api/v1/alerts", "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private String basicAlert() {
        return basicAlert("s-" + run, id(), now(), "Alert", null, kyivInfo());
    }

    private static String basicAlert(String sender, String identifier, String sent, String msgType, String references,
            String info) {
        return "{\"identifier\": " + quote(identifier) + ", \"sender\": " + quote(sender) + ", \"sent\": " + quote(sent)
                + ", \"status\": \"Actual\", \"msgType\": " + quote(msgType) + ", \"scope\": \"Public\""
                + (references == null ? "" : ", \"references\": " + quote(references)) + ", \"info\": [" + info + "]}";
    }

    private String kyivInfo() {
        return kyivInfoText();
    }

    private static String kyivInfoText() {
        return info("Security", "air raid", "{\"areaDesc\": \"Kyiv\", \"geocode\": [{\"valueName\": \"ISO 3166-2\","
                + " \"value\": \"UA-30\"}]}");
    }

    private static String info(String category, String event, String areas) {
        return "{\"category\": [" + quote(category) + "], \"event\": " + quote(event) + ", \"urgency\": \"Immediate\","
                + " \"severity\": \"Extreme\", \"certainty\": \"Observed\", \"headline\": \"Air raid\", \"area\": ["
                + areas + "]}";
    }

    private static String polygonArea(String polygon) {
        return "{\"areaDesc\": \"drawn\", \"polygon\": [" + quote(polygon) + "]}";
    }

    /** A closed ring of random points in Ukraine: crossing itself about as often as it has points. */
    private String zigzag(int points) {
        return zigzag(random, points, 45, 22, 7, 18);
    }

    /**
     * A closed ring of {@code points} random points (the last repeats the first) in the box from
     * ({@code lat}, {@code lon}) spanning the given degrees: it crosses itself about as often as it has points.
     */
    public static String zigzag(Random random, int points, double lat, double lon, double latSpan, double lonSpan) {
        StringBuilder ring = new StringBuilder();
        String first = null;
        for (int i = 0; i < points - 1; i++) {
            String p = String.format(java.util.Locale.ROOT, "%.4f,%.4f", lat + random.nextDouble() * latSpan,
                    lon + random.nextDouble() * lonSpan);
            first = first == null ? p : first;
            ring.append(p).append(' ');
        }
        return ring.append(first).toString();
    }

    private String corpusXml() {
        String xml = corpus.get(random.nextInt(corpus.size()));
        Matcher m = IDENTIFIER.matcher(xml);
        return m.find() ? m.replaceFirst("<identifier>" + id() + "</identifier>") : xml;
    }

    private static String repeatGroup(String xml, int times) {
        Matcher m = Pattern.compile("<area>.*?</area>", Pattern.DOTALL).matcher(xml);
        return m.find() ? Matcher.quoteReplacement(m.group().repeat(times)) : "";
    }

    private String flipBytes(String xml) {
        char[] chars = xml.toCharArray();
        for (int i = 0; i < 1 + random.nextInt(5); i++) {
            chars[random.nextInt(chars.length)] = (char) some(0, '<', '>', '&', '"', 0x1F, 'x', 0xD800);
        }
        return new String(chars);
    }

    private String id() {
        return "fz-" + run + "-" + (counter++);
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(CAP_TIME);
    }

    private static String repeat(int times, String item) {
        return String.join(", ", Stream.generate(() -> item).limit(times).toList());
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Escapes written by the probes (\\u0000) stay escapes; real quotes and backslashes are escaped.
            if (c == '"') {
                out.append("\\\"");
            } else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
                out.append(c);
            } else if (c == '\\') {
                out.append("\\\\");
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private int some(int... options) {
        return options[random.nextInt(options.length)];
    }
}
