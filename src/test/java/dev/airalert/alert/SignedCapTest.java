package dev.airalert.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.TestSigning.Identity;
import dev.airalert.TestSigning;
import dev.airalert.cap.CapCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signed CAP through HTTP: a trusted sender's alerts must carry a signature that verifies
 * with one of its registered certificates (or one its registered CA issued), valid at
 * receipt; everything else from it is refused. Every alert shows its verdict, and a
 * genuine signed message is never shadowed by an earlier copy. Certificates are minted here.
 */
@QuarkusTest
class SignedCapTest {

    private static final Identity EMBASSY = TestSigning.selfSigned("embassy signing");

    static String alertXml(String sender, String identifier, String headline) {
        return """
                <?xml version="1.0" encoding="UTF-8"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier><sender>%s</sender><sent>%s</sent>
                  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
                  <info><language>en-US</language><category>Security</category><event>air raid</event>
                    <responseType>Shelter</responseType><urgency>Immediate</urgency><severity>Extreme</severity>
                    <certainty>Observed</certainty><expires>%s</expires><headline>%s</headline>
                    <area><areaDesc>Kyiv</areaDesc><geocode><valueName>ISO3166-2</valueName><value>UA-30</value></geocode></area>
                  </info>
                </alert>""".formatted(identifier, sender, TestAlerts.now(), TestAlerts.inTwoHours(), headline);
    }

    static Response publishXml(byte[] xml) {
        return given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml").body(xml)
                .post("/api/v1/alerts");
    }

    static String trust(String sender, Identity... certificates) {
        return given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("sender", sender, "certificates", java.util.Arrays.stream(certificates).map(Identity::pem).toList()))
                .post("/api/v1/trusted-senders").then().statusCode(201)
                .body("certificates[0].sha256", equalTo(certificates[0].sha256()))
                .extract().path("id");
    }

    @Test
    void aTrustedSendersSignedAlertIsVerifiedAndServedBackAsSigned() {
        String sender = TestAlerts.uniqueSender();
        trust(sender, EMBASSY);
        byte[] signed = TestSigning.sign(alertXml(sender, TestAlerts.uniqueId(), "Shelter now"), EMBASSY);
        String id = publishXml(signed).then().statusCode(201)
                .body("signature.verdict", equalTo("verified"))
                .body("signature.certificate", equalTo(EMBASSY.sha256()))
                .body("signature.subject", containsString("CN=embassy signing"))
                .extract().path("id");
        byte[] served = given().accept("application/cap+xml").get("/api/v1/alerts/" + id).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(signed, served, "a signed alert is passed on unaltered");
        // An ECDSA key works as well as RSA.
        Identity ca = TestSigning.ca("embassy CA");
        Identity ecdsa = TestSigning.issuedBy(ca, "embassy ecdsa", true);
        String other = TestAlerts.uniqueSender();
        trust(other, ca);
        publishXml(TestSigning.sign(alertXml(other, TestAlerts.uniqueId(), "EC"), ecdsa)).then().statusCode(201)
                .body("signature.verdict", equalTo("verified"))
                .body("signature.subject", containsString("CN=embassy ecdsa"))
                .body("signature.reason", containsString("issued by registered certificate"));
    }

    /** Latin-1 bytes that do not name their encoding, sent with the charset: verified reading them so, served with it. */
    @Test
    void aSignedAlertInTheContentTypesCharsetIsVerifiedAndServedWithIt() {
        String sender = TestAlerts.uniqueSender();
        trust(sender, EMBASSY);
        String signedText = new String(TestSigning.sign(alertXml(sender, TestAlerts.uniqueId(), "Abri immédiat"), EMBASSY),
                StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*\\?>", "");
        byte[] latin1 = signedText.getBytes(StandardCharsets.ISO_8859_1);
        String id = given().auth().oauth2(TestKeys.publisher()).contentType("application/cap+xml; charset=ISO-8859-1")
                .body(latin1).post("/api/v1/alerts").then().statusCode(201)
                .body("signature.verdict", equalTo("verified")).body("info[0].headline", equalTo("Abri immédiat"))
                .extract().path("id");
        Response served = given().accept("application/cap+xml").get("/api/v1/alerts/" + id);
        served.then().statusCode(200).contentType("application/cap+xml;charset=ISO-8859-1");
        assertArrayEquals(latin1, served.asByteArray());
    }

    @Test
    void everythingButAVerifiedSignatureFromATrustedSenderIsRefusedAndNothingIsStored() {
        String sender = TestAlerts.uniqueSender();
        trust(sender, EMBASSY);
        String xml = alertXml(sender, TestAlerts.uniqueId(), "Shelter now");

        String tampered = new String(TestSigning.sign(xml, EMBASSY), StandardCharsets.UTF_8)
                .replace("Shelter now", "All clear, go outside");
        refused(publishXml(tampered.getBytes(StandardCharsets.UTF_8)), "content was changed");
        refused(publishXml(xml.getBytes(StandardCharsets.UTF_8)), "must carry an XML signature");
        refused(given().auth().oauth2(TestKeys.publisher()).contentType(ContentType.JSON)
                .body(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())).post("/api/v1/alerts"), "not JSON");
        refused(publishXml(TestSigning.signSha1(xml, EMBASSY)), "is not accepted");
        refused(publishXml(TestSigning.sign(xml, TestSigning.selfSigned("impostor"))), "not made with a certificate");
        String envelope = """
                <EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"><distributionID>d</distributionID>
                <senderID>s</senderID><dateTimeSent>%s</dateTimeSent><distributionStatus>Actual</distributionStatus>
                <distributionType>Report</distributionType><combinedConfidentiality>U</combinedConfidentiality>
                <contentObject><xmlContent><embeddedXMLContent>%s</embeddedXMLContent></xmlContent></contentObject>
                </EDXLDistribution>""".formatted(TestAlerts.now(),
                new String(TestSigning.sign(xml, EMBASSY), StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*\\?>", ""));
        refused(publishXml(envelope.getBytes(StandardCharsets.UTF_8)), "not inside an EDXL-DE envelope");

        given().queryParam("sender", sender).get("/api/v1/alerts").then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(TestKeys.ADMIN).queryParam("sender", sender).queryParam("outcome", "refused")
                .get("/api/v1/audit").then().statusCode(200).body("items", hasSize(6));
    }

    private static void refused(Response response, String why) {
        response.then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"))
                .body("errors.field", hasItem(containsString("Signature")))
                .body("detail", containsString(why));
    }

    @Test
    void aCertificateMustBeValidAtReceipt() {
        Identity lapsed = TestSigning.expired("lapsed signing");
        String sender = TestAlerts.uniqueSender();
        trust(sender, lapsed);
        publishXml(TestSigning.sign(alertXml(sender, TestAlerts.uniqueId(), "late"), lapsed)).then().statusCode(403)
                .body("detail", containsString("not valid at receipt"));
    }

    @Test
    void alertsOfOtherSendersCarryTheirVerdictToo() {
        String sender = TestAlerts.uniqueSender();
        publishXml(TestSigning.sign(alertXml(sender, TestAlerts.uniqueId(), "x"), EMBASSY)).then().statusCode(201)
                .body("signature.verdict", equalTo("unverifiable"))
                .body("signature.reason", containsString("no certificate is registered"));
        publishXml(alertXml(sender, TestAlerts.uniqueId(), "y").getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(201).body("signature.verdict", equalTo("unsigned")).body("signature.reason", nullValue());
        // A real IPAWS message, signed RSA-SHA256 by a certificate nobody registered here.
        publishXml(CapCorpus.bytes("ipaws-5e7e0fc5023f1930efcf3deb.xml")).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                .body("signature.verdict", equalTo("unverifiable"));
    }

    @Test
    void realSigningCertificatesRegisterWithTheirValidity() throws Exception {
        Path feeds = Path.of(System.getProperty("cap.corpus", "../shared/cap-corpus")).resolveSibling("cap-feeds")
                .resolve("google__cap-library");
        String naads = Files.readString(feeds.resolve("naads_x509_cert.pem"));
        String canada = Files.readString(feeds.resolve("environment_canada_x509_cert.pem"));
        String id = given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("sender", TestAlerts.uniqueSender(), "certificates", List.of(naads, canada)))
                .post("/api/v1/trusted-senders").then().statusCode(201)
                .body("certificates.subject", hasItem(containsString("CN=dss1.pelmorex.com")))
                .body("certificates.notAfter", hasItem("2018-05-30T23:59:59Z"))
                .extract().path("id");
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("certificate", "-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----"))
                .post("/api/v1/trusted-senders/" + id + "/certificates").then().statusCode(400)
                .body("errors.field", hasItem("certificate"));
        given().auth().oauth2(TestKeys.publisher()).contentType(ContentType.JSON)
                .body(Map.of("sender", "x", "certificates", List.of(naads))).post("/api/v1/trusted-senders")
                .then().statusCode(403);
    }

    @Test
    void anUnsignedCopyPostedFirstNeverShadowsTheGenuineSignedMessage() {
        // Before the sender is trusted, a copy with other content takes the identifier...
        String sender = TestAlerts.uniqueSender();
        String identifier = TestAlerts.uniqueId();
        String genuine = alertXml(sender, identifier, "Air attack expected: shelter in place");
        String forgedId = publishXml(genuine.replace("shelter in place", "no danger").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(201).body("signature.verdict", equalTo("unsigned")).extract().path("id");
        trust(sender, EMBASSY);
        // ...then the genuine signed message arrives: it takes the identifier, the copy steps aside.
        String genuineId = publishXml(TestSigning.sign(genuine, EMBASSY)).then().statusCode(201)
                .body("signature.verdict", equalTo("verified")).body("state", equalTo("active")).extract().path("id");
        given().get("/api/v1/alerts/" + forgedId).then().body("state", equalTo("displaced"))
                .body("replacedBy", equalTo(genuineId));
        // Once trusted, another unsigned copy is refused outright; the genuine one stays.
        publishXml(genuine.replace("shelter in place", "no danger").getBytes(StandardCharsets.UTF_8)).then()
                .statusCode(403);

        // The same content, unsigned first: the signed copy makes the stored alert verified.
        String plain = TestAlerts.uniqueSender();
        String text = alertXml(plain, TestAlerts.uniqueId(), "same words");
        String plainId = publishXml(text.getBytes(StandardCharsets.UTF_8)).then().statusCode(201).extract().path("id");
        trust(plain, EMBASSY);
        publishXml(TestSigning.sign(text, EMBASSY)).then().statusCode(200).body("id", equalTo(plainId))
                .body("signature.verdict", equalTo("verified"));
    }
}
