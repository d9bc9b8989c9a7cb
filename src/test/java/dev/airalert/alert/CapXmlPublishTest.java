package dev.airalert.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapCorpus;
import dev.airalert.cap.CapXmlReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every message of the shared CAP corpus through HTTP: valid CAP 1.2, 1.1 and 1.0 is accepted
 * and served back byte for byte, invalid messages (by their version's schema or CAP's rules)
 * are refused naming the offending field, hostile XML is refused.
 */
@QuarkusTest
class CapXmlPublishTest {

    /** The field each invalid corpus message must be refused for. */
    private static final Map<String, String> INVALID_FIELD = Map.of(
            "invalid.cap", "scope",
            "canada_errors.cap", "references",
            "noaa_errors.cap", "info[0].urgency",
            "xee.cap", "body",
            "bushfire_invalid.edxlde", "contentObject[2].alert.info[0].urgency");

    static Response publishXml(byte[] body) {
        return given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml")
                .body(body).when().post("/api/v1/alerts");
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusMessageGetsTheRightAnswer() {
        // The West Coast tsunami center's Update references the alert it updates under the
        // center's other sender name: an admin delegates, as an operator would.
        delegate("http://newwcatwc.arh.noaa.gov/tsuPortal/", "PAAQ");
        return CapCorpus.entries().stream().filter(e -> !e.expected().equals("schema")).map(entry -> DynamicTest.dynamicTest(entry.localPath(), () -> {
            String refused = CapCorpus.REFUSED_BY_POLICY.get(CapCorpus.fileName(entry));
            if (refused != null) {
                publishXml(CapCorpus.bytes(entry)).then().statusCode(400).contentType("application/problem+json")
                        .body("errors.field", hasItem(refused));
                return;
            }
            switch (entry.expected()) {
                case "valid" -> assertAcceptedAndServedBack(entry);
                case "invalid" -> publishXml(CapCorpus.bytes(entry)).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem(INVALID_FIELD.get(entry.localPath().replaceAll(".*/", ""))));
                default -> {
                    if (entry.localPath().endsWith("earthquake_signed.cap")) {
                        // CAP 1.1's schema has no place for a signature.
                        publishXml(CapCorpus.bytes(entry)).then().statusCode(400)
                                .contentType("application/problem+json").body("errors[0].field", equalTo("Signature"));
                    } else {
                        assertAcceptedAndServedBack(entry);
                    }
                }
            }
        }));
    }

    static void delegate(String sender, String actsFor) {
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("sender", sender, "actsFor", actsFor)).post("/api/v1/sender-delegations")
                .then().statusCode(oneOf(201, 409));
    }

    /** The (sender, identifier) of every corpus message accepted so far. */
    private static final Set<String> PUBLISHED = ConcurrentHashMap.newKeySet();

    private static void assertAcceptedAndServedBack(CapCorpus.Entry entry) {
        byte[] body = CapCorpus.bytes(entry);
        Response response = publishXml(body);
        if (response.statusCode() == 409) {
            // OASIS wrote the same examples in each CAP version under one identifier, with content
            // that differs between versions: the later copy is the conflict CAP says it is.
            CapAlert cap = CapXmlReader.read(body).get(0).alert();
            assertTrue(PUBLISHED.contains(cap.sender() + "|" + cap.identifier()), entry + ": " + response.asString());
            return;
        }
        response.then().statusCode(is(oneOf(200, 201))).contentType(ContentType.JSON);
        if (!entry.localPath().endsWith(".edxlde")) {
            PUBLISHED.add(response.path("sender") + "|" + response.path("identifier"));
        }
        if (entry.localPath().endsWith(".edxlde")) {
            response.then().body("items", hasSize(7));
            return;
        }
        String id = response.path("id");
        if (response.statusCode() == 200) {
            // The corpus holds some OASIS examples twice, formatted differently: the same
            // alert, so the repeat answers with the alert stored first, with its bytes.
            return;
        }
        byte[] served = given().accept("application/cap+xml").when().get("/api/v1/alerts/" + id)
                .then().statusCode(200).contentType(containsString("application/cap+xml"))
                .extract().asByteArray();
        assertArrayEquals(CapCorpus.bytes(entry), served, entry.localPath() + " must be served byte for byte");
    }

    /** An envelope is answered with the list it promises, also when it holds one alert; no Location then. */
    @Test
    void anEnvelopeOfOneAlertIsAnsweredAsAList() {
        String sent = TestAlerts.now();
        String identifier = TestAlerts.uniqueId();
        byte[] body = """
                <EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"><distributionID>d</distributionID>
                <senderID>s</senderID><dateTimeSent>%1$s</dateTimeSent><distributionStatus>Actual</distributionStatus>
                <distributionType>Report</distributionType><combinedConfidentiality>U</combinedConfidentiality>
                <contentObject><xmlContent><embeddedXMLContent><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                <identifier>%2$s</identifier><sender>%3$s</sender><sent>%1$s</sent><status>Actual</status>
                <msgType>Alert</msgType><scope>Public</scope><info><category>Security</category><event>air raid</event>
                <urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty><area>
                <areaDesc>Kyiv</areaDesc><geocode><valueName>ISO 3166-2</valueName><value>UA-30</value></geocode>
                </area></info></alert></embeddedXMLContent></xmlContent></contentObject></EDXLDistribution>"""
                .formatted(sent, identifier, TestAlerts.uniqueSender()).getBytes(StandardCharsets.UTF_8);
        publishXml(body).then().statusCode(201).header("Location", org.hamcrest.Matchers.nullValue())
                .body("items", hasSize(1)).body("items[0].identifier", equalTo(identifier));
        publishXml(body).then().statusCode(200).body("items", hasSize(1)).body("items[0].identifier", equalTo(identifier));
    }

    /** A slot of an envelope that holds no CAP alert it reads has its one error, not a "required" for every absent field. */
    @Test
    void anEnvelopeSlotWithoutAKnownCapAlertHasOneError() {
        byte[] body = """
                <EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"><distributionID>d</distributionID>
                <senderID>s</senderID><dateTimeSent>%s</dateTimeSent><distributionStatus>Actual</distributionStatus>
                <distributionType>Report</distributionType><combinedConfidentiality>U</combinedConfidentiality>
                <contentObject><xmlContent><embeddedXMLContent><alert xmlns="urn:oasis:names:tc:emergency:cap:2.0">
                <identifier>a</identifier></alert></embeddedXMLContent></xmlContent></contentObject>
                </EDXLDistribution>""".formatted(TestAlerts.now()).getBytes(StandardCharsets.UTF_8);
        publishXml(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("contentObject[0].alert"))
                .body("errors[0].message", containsString("a CAP version this service does not read"));
    }

    /** The Content-Type's charset is the body's encoding (RFC 7303): Latin-1 without an XML declaration is read as such. */
    @Test
    void theContentTypesCharsetIsHonoured() {
        String identifier = TestAlerts.uniqueId();
        String xml = """
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>%s</identifier><sender>%s</sender>
                <sent>%s</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info>
                <category>Security</category><event>alerte aérienne</event><urgency>Immediate</urgency>
                <severity>Extreme</severity><certainty>Observed</certainty><headline>Abri immédiat à Kyiv</headline>
                <area><areaDesc>Kyiv</areaDesc><geocode><valueName>ISO 3166-2</valueName><value>UA-30</value></geocode>
                </area></info></alert>""".formatted(identifier, TestAlerts.uniqueSender(), TestAlerts.now());
        byte[] latin1 = xml.getBytes(StandardCharsets.ISO_8859_1);
        // An alias of the charset is stored and served by its canonical name.
        String id = given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml; charset=latin1")
                .body(latin1).post("/api/v1/alerts").then().statusCode(201)
                .body("info[0].headline", equalTo("Abri immédiat à Kyiv")).extract().path("id");
        // Served back as sent, with the charset that says how to read it.
        Response served = given().accept("application/cap+xml").get("/api/v1/alerts/" + id);
        served.then().statusCode(200).contentType("application/cap+xml;charset=ISO-8859-1");
        assertArrayEquals(latin1, served.asByteArray());
        // A body that names its own encoding is served without one from the header.
        byte[] declared = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml.replace(identifier, TestAlerts.uniqueId()))
                .getBytes(StandardCharsets.UTF_8);
        String declaredId = given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml; charset=ISO-8859-1")
                .body(declared).post("/api/v1/alerts").then().statusCode(201).extract().path("id");
        given().accept("application/cap+xml").get("/api/v1/alerts/" + declaredId).then().statusCode(200)
                .header("Content-Type", equalTo("application/cap+xml"));
        given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml; charset=x-no-such")
                .body(latin1).post("/api/v1/alerts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void isoLatin1DeclaredInThePrologIsHonoured() {
        byte[] latin1 = CapCorpus.bytes("earthquake-iso8859-1.cap");
        String id = publishXml(latin1).then().statusCode(is(oneOf(200, 201))).extract().path("id");
        given().when().get("/api/v1/alerts/" + id).then()
                .body("info[0].headline", containsString("Usulután"));
    }

    @Test
    void hostileXmlIsRefusedWithoutResolvingAnything() {
        publishXml(CapCorpus.bytes("xee.cap")).then().statusCode(400)
                .body("type", equalTo("/problems/hostile-xml"));
        String xinclude = """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2" xmlns:xi="http://www.w3.org/2001/XInclude">
                  <identifier>x</identifier><xi:include href="file:///etc/passwd" parse="text"/>
                </alert>""";
        publishXml(xinclude.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("type", equalTo("/problems/hostile-xml"));
    }

    @Test
    void jsonPublishedAlertIsServedAsGeneratedCapXml() {
        String sender = TestAlerts.uniqueSender();
        String identifier = TestAlerts.uniqueId();
        String id = TestAlerts.publish(TestAlerts.kyivAirRaid(sender, identifier))
                .then().statusCode(201).extract().path("id");
        byte[] xml = given().accept("application/cap+xml").get("/api/v1/alerts/" + id)
                .then().statusCode(200).body("alert.identifier", equalTo(identifier))
                .body("alert.info.area.geocode.value", equalTo("UA-30"))
                .extract().asByteArray();
        // The generated XML is itself valid CAP: publishing it is a repeat of the same alert.
        publishXml(xml).then().statusCode(200).body("id", equalTo(id));
        given().get("/api/v1/alerts/" + id + ".xml").then().statusCode(200)
                .contentType(containsString("application/cap+xml"));
        assertEquals(200, given().accept("application/json").get("/api/v1/alerts/" + id).statusCode());
    }

    @Test
    void malformedXmlIsRefusedWithItsPosition() {
        publishXml("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed"));
    }
}
