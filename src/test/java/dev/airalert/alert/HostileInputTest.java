package dev.airalert.alert;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.fuzz.HostileRequests;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What once made the service fail, stall or store what it could not serve, each as a request:
 * every one is now a 400 (413, 415) problem naming its field, answered at once, or accepted
 * whole within the documented limits.
 */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource database;

    // --- shapes ---

    @Test
    void aPolygonCrossingItselfAtTheMaximumNumberOfPointsIsRefusedAtOnce() {
        long started = System.nanoTime();
        publish(withArea("\"areaDesc\": \"drawn\", \"polygon\": [\"" + zigzag(5000) + "\"]")).then().statusCode(400)
                .body("errors.field", hasItem("info[0].area[0].polygon[0]"))
                .body("errors.message", hasItem(containsString("crosses itself more than 64 times")));
        // Not a timing claim: a generous bound that only an unbounded repair (seconds to minutes) exceeds.
        assertTrue((System.nanoTime() - started) / 1_000_000 < 10_000, "answered within the publish deadline");
        publish(withArea("\"areaDesc\": \"drawn\", \"polygon\": [\"" + zigzag(5001) + "\"]")).then().statusCode(400)
                .body("errors.message", hasItem(containsString("at most 5000 points")));
    }

    @Test
    void aBowTieIsRepairedIntoTheAreaItEncloses() {
        // Two triangles over Kyiv meeting at one crossing: the area is theirs, not refused.
        String id = publish(withArea("\"areaDesc\": \"bow tie\", \"polygon\": [\"50.3,30.3 50.6,30.7 50.6,30.3 50.3,30.7"
                + " 50.3,30.3\"]")).then().statusCode(201).extract().path("id");
        given().get("/api/v1/alerts/" + id).then().statusCode(200).body("regions", hasItem("UA-30"));
    }

    @ParameterizedTest
    @CsvSource({"1" + "0000000000000000000000000000000000000000", "20039", "-1"})
    void aCircleThatWouldOverflowIsRefused(String radius) {
        publish(withArea("\"areaDesc\": \"c\", \"circle\": [\"50.45,30.52 " + radius + "\"]")).then().statusCode(400)
                .body("errors.field", hasItem("info[0].area[0].circle[0]"));
    }

    // --- lengths ---

    @Test
    void valuesAtEveryLimitAreStoredAndServed() {
        String sender = "s" + "x".repeat(1023);
        String identifier = "i" + "y".repeat(1023);
        String event = "İ".repeat(256); // lower-cased it doubles: the 512-character column must hold it
        String language = "abcdefgh" + "-abcdefg".repeat(7);
        String json = """
                {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Alert",
                 "scope": "Public", "info": [{"language": "%s", "category": ["Security"], "event": "%s",
                 "urgency": "Immediate", "severity": "Extreme", "certainty": "Observed", "headline": "%s",
                 "description": "%s", "area": [{"areaDesc": "%s", "geocode": [{"valueName": "ISO 3166-2",
                 "value": "UA-30"}]}]}]}""".formatted(identifier, sender, TestAlerts.now(), language, event,
                "h".repeat(4000), "d".repeat(32_000), "a".repeat(4000));
        String id = publish(json).then().statusCode(201).extract().path("id");
        given().get("/api/v1/alerts/" + id + ".xml").then().statusCode(200);
        given().queryParam("sender", sender).get("/api/v1/alerts").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @ParameterizedTest
    @CsvSource({"identifier, 1025, identifier", "sender, 1025, sender", "event, 257, info[0].event",
        "headline, 4001, info[0].headline", "description, 32001, info[0].description",
        "areaDesc, 4001, info[0].area[0].areaDesc", "language, 65, info[0].language",
        "language, 100000, info[0].language", "note, 32001, note", "source, 4001, source"})
    void aValueLongerThanItsLimitIsRefusedNamingIt(String field, int length, String path) {
        String value = field.equals("language") ? "en" + "-abcdefg".repeat(length / 8) : "z".repeat(length);
        String sender = field.equals("sender") ? value : TestAlerts.uniqueSender();
        String identifier = field.equals("identifier") ? value : TestAlerts.uniqueId();
        String json = TestAlerts.alert(sender, identifier, TestAlerts.now(), "Alert", null, "Actual",
                field.equals("event") ? value : "air raid", "Extreme", "Immediate", "Observed", "UA-30", null);
        json = switch (field) {
            case "headline" -> json.replace("\"Air raid alert\"", "\"" + value + "\"");
            case "description" -> json.replace("\"headline\"", "\"description\": \"" + value + "\", \"headline\"");
            case "areaDesc" -> json.replace("\"Region UA-30\"", "\"" + value + "\"");
            case "language" -> json.replace("\"en-US\"", "\"" + value + "\"");
            case "note", "source" -> json.replace("\"scope\"", "\"" + field + "\": \"" + value + "\", \"scope\"");
            default -> json;
        };
        publish(json).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(path));
    }

    @Test
    void aReferencePartLongerThanItsColumnIsRefused() {
        String sender = TestAlerts.uniqueSender();
        publish(TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + "," + "r".repeat(1025) + "," + TestAlerts.now(), "Actual", "air raid", "Extreme", "Immediate",
                "Observed", "UA-30", null)).then().statusCode(400).body("errors.field", hasItem("references"));
    }

    @Test
    void anAlertNamingEveryPlaceOfTheCountryInTwoLanguagesFits() {
        String areas = IntStream.range(0, 1640).mapToObj(i -> "{\"areaDesc\": \"Громада " + i + "\", \"geocode\": "
                + "[{\"valueName\": \"KATOTTG\", \"value\": \"UA" + String.format("%017d", 1_000_000L + i) + "\"}]}")
                .collect(Collectors.joining(", "));
        String info = "{\"language\": \"%s\", \"category\": [\"Safety\"], \"event\": \"air raid\", \"urgency\":"
                + " \"Immediate\", \"severity\": \"Extreme\", \"certainty\": \"Observed\", \"area\": [" + areas + "]}";
        String json = "{\"identifier\": \"" + TestAlerts.uniqueId() + "\", \"sender\": \"" + TestAlerts.uniqueSender()
                + "\", \"sent\": \"" + TestAlerts.now() + "\", \"status\": \"Actual\", \"msgType\": \"Alert\","
                + " \"scope\": \"Public\", \"info\": [" + info.formatted("uk") + ", " + info.formatted("en") + "]}";
        publish(json).then().statusCode(201);
    }

    // --- references ---

    @Test
    void aCancelOfFiveHundredOwnAlertsEndsAllOfThem() {
        String sender = TestAlerts.uniqueSender();
        String sent = TestAlerts.now();
        List<String> identifiers = IntStream.range(0, 500).mapToObj(i -> "own-" + i + "-" + UUID.randomUUID()).toList();
        // Five EDXL-DE envelopes of 100 (the most one request takes), as a feed relay would send them.
        for (int from = 0; from < identifiers.size(); from += 100) {
            String alerts = identifiers.subList(from, from + 100).stream().map(identifier -> """
                    <contentObject><xmlContent><embeddedXMLContent><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                    <identifier>%s</identifier><sender>%s</sender><sent>%s</sent><status>Actual</status>
                    <msgType>Alert</msgType><scope>Public</scope><info><category>Security</category><event>air raid</event>
                    <urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty><area>
                    <areaDesc>Kyiv</areaDesc><geocode><valueName>ISO 3166-2</valueName><value>UA-30</value></geocode>
                    </area></info></alert></embeddedXMLContent></xmlContent></contentObject>""".formatted(identifier,
                    sender, sent)).collect(Collectors.joining());
            given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml").body(envelope(sent, alerts))
                    .post("/api/v1/alerts").then().statusCode(201).body("items.size()", org.hamcrest.Matchers.equalTo(100));
        }
        given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml")
                .body(envelope(sent, "<contentObject><nonXMLContent><mimeType>text/plain</mimeType></nonXMLContent></contentObject>"
                        .repeat(101))).post("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", hasItem("contentObject"));
        String references = identifiers.stream().map(i -> sender + "," + i + "," + sent)
                .collect(Collectors.joining(" "));
        publish("""
                {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Cancel",
                 "scope": "Public", "references": "%s"}""".formatted(TestAlerts.uniqueId(), sender, TestAlerts.now(),
                references)).then().statusCode(201);
        given().queryParam("sender", sender).queryParam("active", "true").get("/api/v1/alerts").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
        for (String identifier : List.of(identifiers.get(0), identifiers.get(250), identifiers.get(499))) {
            given().queryParam("sender", sender).queryParam("msgType", "Alert").queryParam("limit", "500")
                    .get("/api/v1/alerts").then().statusCode(200)
                    .body("items.find { it.identifier == '" + identifier + "' }.state", org.hamcrest.Matchers
                            .equalTo("cancelled"));
        }
    }

    // --- characters ---

    @ParameterizedTest
    @CsvSource({"headline, info[0].headline", "sender, sender", "areaDesc, info[0].area[0].areaDesc"})
    void aControlCharacterInJsonTextIsRefusedNamingTheField(String field, String path) {
        String sender = TestAlerts.uniqueSender();
        String json = TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId());
        json = switch (field) {
            case "headline" -> json.replace("\"Air raid alert\"", "\"Air raid\\u0000 alert\"");
            case "sender" -> json.replace(sender, sender + "\\u0001");
            default -> json.replace("\"Region UA-30\"", "\"Region\\u001b UA-30\"");
        };
        publish(json).then().statusCode(400).body("errors.field", hasItem(path))
                .body("errors.message", hasItem(startsWith("contains U+00")));
    }

    @Test
    void controlCharactersInOtherRequestsAreRefusedNamingTheField() {
        given().auth().oauth2(TestKeys.withRole("subscriber")).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:9/h\", \"regions\": [\"UA-30\"], \"description\": \"a\\u0000b\"}")
                .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("description"));
        given().urlEncodingEnabled(false).get("/api/v1/alerts?sender=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("sender"));
    }

    @Test
    void anAlertStoredWithUnwritableTextStillServesItsXmlAndTheFeed() throws Exception {
        // As alerts stored before ingest refused such text: written into the row directly.
        String id = publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())).then()
                .statusCode(201).extract().path("id");
        try (Connection c = database.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE alert SET document = replace(document, 'Air raid alert', ?) WHERE id = ?")) {
            // As the stored JSON has it: escaped, the way the JSON writer keeps any control character.
            update.setString(1, "Air\\u0001raid\\u000Balert");
            update.setObject(2, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
        parsesAsXml(given().get("/api/v1/alerts/" + id + ".xml").then().statusCode(200));
        parsesAsXml(given().get("/api/v1/alerts.atom").then().statusCode(200));
    }

    // --- structure ---

    @Test
    void jsonNestedTooDeepOrWithHugeNumbersOrRepeatedKeysIsRefused() {
        publish("{\"identifier\": " + "[".repeat(1001) + "]".repeat(1001) + "}").then().statusCode(400)
                .body("errors.field", hasItem("identifier"));
        publish("[".repeat(5000)).then().statusCode(400).body("errors.field", hasItem("body"));
        publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())
                .replace("\"scope\"", "\"note\": " + "9".repeat(1001) + ", \"scope\"")).then().statusCode(400)
                .body("errors.field", hasItem("body"));
        publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())
                .replace("\"status\": \"Actual\"", "\"status\": \"Actual\", \"status\": \"Test\"")).then()
                .statusCode(400).body("errors.field", hasItem("status"))
                .body("errors.message", hasItem(containsString("appears twice")));
        publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())
                .replace("\"event\": \"air raid\"", "\"event\": \"air raid\", \"event\": \"drill\"")).then()
                .statusCode(400).body("errors.field", hasItem("info[0].event"));
        given().auth().oauth2(TestKeys.withRole("subscriber")).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:9/h\", \"url\": \"http://127.0.0.1:9/i\"}")
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors.field", hasItem("url"));
    }

    @Test
    void deeplyNestedMarkupIsRefusedWithoutExhaustingTheStack() throws Exception {
        // Inside a text element: reading its text once recursed through every level.
        String xml = """
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>%s</identifier><sender>%s</sender>
                <sent>%s</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info>
                <category>Security</category><event>air raid</event><urgency>Immediate</urgency>
                <severity>Extreme</severity><certainty>Observed</certainty><headline>Air raid%s</headline></info></alert>
                """.formatted(TestAlerts.uniqueId(), TestAlerts.uniqueSender(), TestAlerts.now(),
                "<x>".repeat(50_000) + "</x>".repeat(50_000));
        // Sent without the test client's help: it would pretty-print the markup, recursively, on a failure.
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(base.resolve("/api/v1/alerts"))
                        .header("Authorization", "Bearer " + TestKeys.publisher())
                        .header("Content-Type", "application/cap+xml")
                        .POST(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"field\":\"body\""), answer.body());
    }

    // --- queries ---

    @ParameterizedTest
    @CsvSource({"since, +294277-01-01T00:00:00Z", "until, -4714-11-24T00:00:00Z", "since, 0000-12-31T00:00:00Z"})
    void historyTimesOutsideWhatIsStoredAreRefused(String parameter, String value) {
        given().queryParam(parameter, value).get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", hasItem(parameter));
        given().auth().oauth2(TestKeys.ADMIN).queryParam(parameter, value).get("/api/v1/audit").then().statusCode(400)
                .body("errors.field", hasItem(parameter));
    }

    @Test
    void aCursorOutsideWhatIsStoredIsRefused() {
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("9223372036854775807:" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));
        given().queryParam("cursor", forged).get("/api/v1/alerts").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    // --- transport ---

    @Test
    void tooLargeAndUnsupportedBodiesGetProblems() throws Exception {
        publishBytes(new byte[2_000_000]).then().statusCode(413).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        publishBytes(new byte[17_000_000]).then().statusCode(413).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        given().auth().oauth2(TestKeys.publisher()).contentType("text/plain").body("x").post("/api/v1/alerts").then()
                .statusCode(415).contentType("application/problem+json").body("errors.field", hasItem("Content-Type"));
    }

    // --- found in review ---

    @Test
    void timesOutsideYearsOneTo9999AreRefusedAtIngest() {
        publish(TestAlerts.alert(TestAlerts.uniqueSender(), TestAlerts.uniqueId(), "9999-12-31T23:00:00-05:00", "Alert",
                null, "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30", null)).then().statusCode(400)
                .body("errors.field", hasItem("sent"));
    }

    @Test
    void xmlOtherThan10IsRefused() {
        String xml = """
                <?xml version="1.1"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>%s</identifier>
                <sender>%s</sender><sent>%s</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
                </alert>""".formatted(TestAlerts.uniqueId(), TestAlerts.uniqueSender(), TestAlerts.now());
        given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml").body(xml).post("/api/v1/alerts")
                .then().statusCode(400).body("errors.field", hasItem("body"))
                .body("errors.message", hasItem(containsString("must be XML 1.0")));
    }

    @Test
    void polygonsCrossingEachOtherTooOftenAreRefused() {
        // Two combs of 1,000 teeth laid across each other: each fine alone, their union costly.
        StringBuilder across = new StringBuilder();
        StringBuilder along = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            double x = 30 + i * 0.001;
            across.append(String.format(java.util.Locale.ROOT, "50.0,%.4f 51.0,%.4f ", x, x + 0.0004));
            along.append(String.format(java.util.Locale.ROOT, "50.5,%.4f 50.6,%.4f ", x + 0.0002, x + 0.0006));
        }
        String first = across.append("49.0,31.2 49.0,30.0 50.0,30.0000").toString();
        String second = along.append("50.7,31.2 50.7,30.0 50.5,30.0002").toString();
        publish(withArea("\"areaDesc\": \"combs\", \"polygon\": [\"" + first + "\", \"" + second + "\"]")).then()
                .statusCode(400).body("errors.field", hasItem("info[0].area[0].polygon"));
    }

    @Test
    void aHundredErrorsAreListedAndTheRestCounted() {
        String categories = IntStream.range(0, 150).mapToObj(i -> "\"Nope" + i + "\"").collect(Collectors.joining(", "));
        publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())
                .replace("\"category\": [\"Security\"]", "\"category\": [" + categories + "]")).then().statusCode(400)
                .body("errors.size()", org.hamcrest.Matchers.equalTo(101))
                .body("errors[100].message", containsString("50 more problems"));
    }

    // --- helpers ---

    private static String envelope(String sent, String contentObjects) {
        return """
                <EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"><distributionID>d</distributionID>
                <senderID>s</senderID><dateTimeSent>%s</dateTimeSent><distributionStatus>Actual</distributionStatus>
                <distributionType>Report</distributionType><combinedConfidentiality>U</combinedConfidentiality>%s
                </EDXLDistribution>""".formatted(sent, contentObjects);
    }

    private static io.restassured.response.Response publishBytes(byte[] body) {
        return given().auth().oauth2(TestKeys.publisher()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/alerts");
    }

    private static void parsesAsXml(ValidatableResponse response) throws Exception {
        byte[] xml = response.extract().asByteArray();
        DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String withArea(String area) {
        return TestAlerts.withArea(TestAlerts.uniqueSender(), area, TestAlerts.inTwoHours());
    }

    /** A closed ring of random points around Kyiv oblast: it crosses itself about as often as it has points. */
    private static String zigzag(int points) {
        return HostileRequests.zigzag(new Random(points), points, 49.5, 29.5, 2, 2);
    }
}
