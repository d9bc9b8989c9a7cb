package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.cap.CapFormatException.Kind;
import dev.airalert.web.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CapXmlReaderTest {

    private static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final String EDXL = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";

    static Stream<CapCorpus.Entry> validRows() {
        return CapCorpus.acceptedValid();
    }

    static Stream<CapCorpus.Entry> olderVersionRows() {
        return CapCorpus.withExpected("valid(CAP1.1)", "valid(CAP1.0)");
    }

    @ParameterizedTest
    @MethodSource("validRows")
    void validCorpusFilesReadWithoutStructureErrors(CapCorpus.Entry row) {
        List<ParsedCap> parsed = CapXmlReader.read(CapCorpus.bytes(row));
        assertFalse(parsed.isEmpty());
        for (ParsedCap cap : parsed) {
            assertEquals(List.of(), cap.structureErrors(), row + " " + cap.path());
            assertTrue(cap.alert().identifier() != null && !cap.alert().identifier().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("olderVersionRows")
    void olderCapVersionsAreReadIntoTheCap12Model(CapCorpus.Entry row) {
        byte[] body = CapCorpus.bytes(row);
        ParsedCap cap = CapXmlReader.read(body).get(0);
        assertEquals(row.expected().contains("1.0") ? CapVersion.V1_0 : CapVersion.V1_1, cap.version());
        assertArrayEquals(body, cap.originalXml());
        if (row.localPath().endsWith("earthquake_signed.cap")) {
            // CAP 1.1's schema has no place for a signature: its own schema refuses it.
            assertEquals("Signature", cap.structureErrors().get(0).field());
            return;
        }
        assertEquals(List.of(), cap.structureErrors(), row.toString());
        assertEquals(List.of(), CapValidator.validate(cap.alert()), row.toString());
    }

    @Test
    void cap10DifferencesAreMappedToCap12() {
        ParsedCap hsas = CapXmlReader.read(CapCorpus.bytes("v1dot0_appendix_adot1.xml")).get(0);
        CapInfo info = hsas.alert().info().get(0);
        assertEquals(List.of(new NamedValue("HSAS", "ORANGE")), info.parameter());
        assertEquals("application/octet-stream", info.resource().get(0).mimeType(), "1.2 requires a media type");
        String cap10 = "<alert xmlns='" + CapNamespaces.CAP_1_0 + "'><identifier>i</identifier><sender>s</sender>"
                + "<sent>2026-11-25T06:00:00.250Z</sent><status>Actual</status><msgType>Alert</msgType>"
                + "<password>secret</password><scope>Public</scope><references></references><info><event>e</event>"
                + "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Very Likely</certainty>"
                + "<eventCode>SAME=CEM</eventCode><expires>2026-11-25T10:00:00+02:00</expires>"
                + "<parameter>no pair</parameter><area><areaDesc>A</areaDesc><geocode>UGC = KSZ001</geocode></area>"
                + "</info></alert>";
        ParsedCap mapped = CapXmlReader.read(utf8(cap10)).get(0);
        assertEquals(CapVersion.V1_0, mapped.version());
        assertEquals("2026-11-25T06:00:00-00:00", mapped.alert().sent(), "Z and the fraction, as CAP 1.2 writes them");
        assertNull(mapped.alert().references(), "an empty list of an older version is none");
        CapInfo one = mapped.alert().info().get(0);
        assertEquals("Likely", one.certainty());
        assertEquals(List.of(new NamedValue("SAME", "CEM")), one.eventCode());
        assertEquals(List.of(new NamedValue("UGC", "KSZ001")), one.area().get(0).geocode());
        assertEquals("2026-11-25T10:00:00+02:00", one.expires());
        assertFalse(CapJson.write(mapped.alert()).contains("secret"), "the password is not carried");
        assertEquals(List.of(new FieldError("info[0].parameter[0]", "must be valueName=value in CAP 1.0")),
                mapped.structureErrors());
    }

    @Test
    void theSentOfACap11ReferenceIsWrittenAsCap12WritesIt() {
        String cap11 = "<alert xmlns='" + CapNamespaces.CAP_1_1 + "'><identifier>u</identifier><sender>s</sender>"
                + "<sent>2026-11-25T06:05:00Z</sent><status>Actual</status><msgType>Update</msgType>"
                + "<scope>Public</scope><references>s,a,2026-11-25T06:00:00.5Z s,b,2026-11-25T08:00:00+02:00"
                + "</references></alert>";
        ParsedCap cap = CapXmlReader.read(utf8(cap11)).get(0);
        assertEquals("s,a,2026-11-25T06:00:00-00:00 s,b,2026-11-25T08:00:00+02:00", cap.alert().references());
        assertEquals(List.of(), CapValidator.validate(cap.alert()));
    }

    @Test
    void aTimeWithoutAZoneIsNotMapped() {
        String cap11 = "<alert xmlns='" + CapNamespaces.CAP_1_1 + "'><identifier>i</identifier><sender>s</sender>"
                + "<sent>2026-11-25T06:00:00</sent><status>Actual</status><msgType>Alert</msgType>"
                + "<scope>Public</scope></alert>";
        ParsedCap cap = CapXmlReader.read(utf8(cap11)).get(0);
        assertEquals(List.of(), cap.structureErrors(), "xs:dateTime allows it");
        assertEquals(List.of(new FieldError("sent", CapTime.FORMAT_HINT)), CapValidator.validate(cap.alert()));
    }

    @Test
    void aCapVersionNotKnownIsRefusedByName() {
        String body = "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.3'><identifier>i</identifier></alert>";
        CapFormatException e = assertThrows(CapFormatException.class, () -> CapXmlReader.read(utf8(body)));
        assertEquals(Kind.UNSUPPORTED_VERSION, e.kind());
        assertEquals(List.of(new FieldError("alert", "is in urn:oasis:names:tc:emergency:cap:1.3, a CAP version this"
                + " service does not read; send CAP 1.2 (" + CAP + "), 1.1 or 1.0")), e.errors());
    }

    @Test
    void bareAlertKeepsTheExactBytesAndHasAnEmptyPath() {
        byte[] body = CapCorpus.bytes("thunderstorm.cap");
        ParsedCap cap = CapXmlReader.read(body).get(0);
        assertEquals("", cap.path());
        assertArrayEquals(body, cap.originalXml());
        assertEquals("KSTO1055887203", cap.alert().identifier());
        assertEquals("38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14",
                cap.alert().info().get(0).area().get(0).polygon().get(0));
        assertEquals(3, cap.alert().info().get(0).area().get(0).geocode().size());
    }

    @Test
    void iso88591BodyIsDecodedWithItsDeclaredEncoding() {
        byte[] body = CapCorpus.bytes("earthquake-iso8859-1.cap");
        ParsedCap cap = CapXmlReader.read(body).get(0);
        // 0xE1 in the file: read as UTF-8 it would be a broken byte, not "á".
        assertTrue(cap.alert().info().get(0).headline().startsWith("EQ 4.6 Usulután, Usulután, El Salvador"),
                cap.alert().info().get(0).headline());
        assertArrayEquals(body, cap.originalXml());
        assertEquals(List.of(), cap.structureErrors());
    }

    @Test
    void prefixedCapElementsAreRead() {
        CapAlert alert = CapXmlReader.read(CapCorpus.bytes("australia.cap")).get(0).alert();
        assertEquals(2, alert.info().size());
        assertEquals("en-AU", alert.info().get(0).language());
    }

    @Test
    void emptyElementIsEmptyStringAndAbsentElementIsNull() {
        CapAlert alert = CapXmlReader.read(CapCorpus.bytes("canada.cap")).get(0).alert();
        assertEquals("", alert.incidents());
        assertEquals("", alert.note());
        assertNull(alert.info().get(0).onset());
        CapAlert errors = CapXmlReader.read(CapCorpus.bytes("canada_errors.cap")).get(0).alert();
        assertEquals("", errors.references());
        assertEquals("", errors.restriction());
    }

    @Test
    void envelopeYieldsEachAlertWithItsPath() {
        List<ParsedCap> parsed = CapXmlReader.read(CapCorpus.bytes("bushfire_valid.edxlde"));
        assertEquals(7, parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            assertEquals("contentObject[" + i + "].alert", parsed.get(i).path());
            assertNull(parsed.get(i).originalXml());
            assertEquals(List.of(), parsed.get(i).structureErrors());
        }
        assertEquals("tag:www.rfs.nsw.gov.au2011-10-18:40500", parsed.get(0).alert().identifier());
        assertEquals("Quinambyie", parsed.get(1).alert().info().get(0).headline());
        assertEquals("", parsed.get(1).alert().info().get(0).parameter().get(5).value());
    }

    @Test
    void emptiedContentObjectIsReportedOnItsPath() {
        List<ParsedCap> parsed = CapXmlReader.read(CapCorpus.bytes("bushfire_invalid.edxlde"));
        assertEquals(7, parsed.size());
        assertEquals(List.of(new FieldError("contentObject[1].alert", "is empty; must contain a CAP 1.2 alert")),
                mapperErrors(parsed.get(1)));
        assertEquals("contentObject[1].alert", parsed.get(1).structureErrors().get(0).field(), "the schema's, first");
        assertEquals("contentObject[2].alert.info[0].urgency", parsed.get(2).structureErrors().get(0).field());
        assertNull(parsed.get(1).alert().identifier());
        assertEquals("Foobar", parsed.get(2).alert().info().get(0).urgency());
    }

    @Test
    void envelopeSlotsWithoutACapAlertAreReportedNotThrown() {
        String body = envelope(
                "<xmlContent><embeddedXMLContent><other xmlns='urn:example:not-cap'/></embeddedXMLContent></xmlContent>",
                "<nonXMLContent><mimeType>application/pdf</mimeType></nonXMLContent>",
                "<xmlContent><embeddedXMLContent><alert xmlns='urn:oasis:names:tc:emergency:cap:2.0'>"
                        + "<identifier>a</identifier></alert></embeddedXMLContent></xmlContent>",
                "<xmlContent><embeddedXMLContent>" + minimalAlert("") + "</embeddedXMLContent></xmlContent>",
                "<xmlContent><embeddedXMLContent>" + minimalAlert("").replace(CAP, CapNamespaces.CAP_1_1)
                        + "</embeddedXMLContent></xmlContent>");
        List<ParsedCap> parsed = CapXmlReader.read(utf8(body));
        assertEquals(5, parsed.size());
        assertEquals(List.of(new FieldError("contentObject[0].alert", "must contain a CAP alert")),
                parsed.get(0).structureErrors());
        assertEquals(List.of(new FieldError("contentObject[1].alert", "must contain a CAP alert")),
                parsed.get(1).structureErrors());
        assertEquals("contentObject[2].alert", parsed.get(2).structureErrors().get(0).field());
        assertTrue(parsed.get(2).structureErrors().get(0).message().startsWith("is in urn:oasis:names:tc:emergency"
                + ":cap:2.0, a CAP version this service does not read"));
        assertFalse(parsed.get(2).holdsAlert());
        assertEquals(List.of(), parsed.get(3).structureErrors());
        assertEquals("id-1", parsed.get(3).alert().identifier());
        assertEquals(List.of(), parsed.get(4).structureErrors(), "a CAP 1.1 alert in an envelope is read too");
        assertEquals(CapVersion.V1_1, parsed.get(4).version());
        // An embeddedXMLContent with nothing in it breaks EDXL-DE's own schema: the envelope is refused.
        CapFormatException e = assertThrows(CapFormatException.class, () -> CapXmlReader.read(utf8(envelope(
                "<xmlContent><embeddedXMLContent/></xmlContent>"))));
        assertEquals(Kind.INVALID_ENVELOPE, e.kind());
        assertEquals("contentObject[0].xmlContent.embeddedXMLContent", e.errors().get(0).field());
    }

    @Test
    void envelopeWithoutContentIsNotCap() {
        CapFormatException e = assertThrows(CapFormatException.class,
                () -> CapXmlReader.read(utf8(envelope())));
        assertEquals(Kind.NOT_CAP, e.kind());
    }

    @Test
    void structureErrorsNameTheMisplacedElement() {
        String body = "<?xml version='1.0'?><!-- a comment --><?keep-me this?>"
                + "<alert xmlns='" + CAP + "' xmlns:ds='http://www.w3.org/2000/09/xmldsig#'>"
                + "<x/><identifier> id-1 </identifier><identifier>id-2</identifier>"
                + "<y xmlns='http://a.b/'>a</y><info><category>Met</category></info>"
                + "<info><event>e</event><urgency>Past</urgency><urgency>Future</urgency>"
                + "<area><areaDesc>A</areaDesc><polygon>1</polygon><polygon>2</polygon>"
                + "<polygon><b>3</b></polygon><x/></area><ds:Signature/></info>"
                + "<ds:Signature><ds:SignedInfo/></ds:Signature></alert>";
        ParsedCap cap = CapXmlReader.read(utf8(body)).get(0);
        assertEquals(List.of(
                new FieldError("x", "is not a CAP 1.2 element of alert"),
                new FieldError("identifier", "must appear at most once"),
                new FieldError("y", "is not a CAP 1.2 element (namespace http://a.b/)"),
                new FieldError("info[1].urgency", "must appear at most once"),
                new FieldError("info[1].Signature",
                        "is not a CAP 1.2 element (namespace http://www.w3.org/2000/09/xmldsig#)"),
                new FieldError("info[1].area[0].x", "is not a CAP 1.2 element of area"),
                new FieldError("info[1].area[0].polygon[2]", "must contain text, not elements")),
                mapperErrors(cap));
        assertEquals("x", cap.structureErrors().get(0).field(), "the schema's first violation comes first");
        // The first of a doubled element is kept, and text is trimmed.
        assertEquals("id-1", cap.alert().identifier());
        assertEquals("Past", cap.alert().info().get(1).urgency());
    }

    @Test
    void aSignatureCarriesNothingButSignatureMarkup() {
        String dsig = "http://www.w3.org/2000/09/xmldsig#";
        String hidden = "<alert xmlns='" + CAP + "'><identifier>i</identifier><ds:Signature xmlns:ds='" + dsig + "'>"
                + "<ds:SignedInfo/><ds:Object><info xmlns='" + CAP + "'><event>hidden</event></info></ds:Object>"
                + "</ds:Signature></alert>";
        ParsedCap cap = CapXmlReader.read(utf8(hidden)).get(0);
        assertTrue(cap.signed());
        assertEquals(List.of(new FieldError("Signature", "holds <info> (namespace " + CAP + "), which is not XML"
                + " Signature markup: a signature may carry nothing else")), mapperErrors(cap));
        String clean = "<alert xmlns='" + CAP + "'><identifier>i</identifier><ds:Signature xmlns:ds='" + dsig + "'>"
                + "<ds:SignedInfo/><ds:KeyInfo><ds:X509Data><ds:X509Certificate>AA==</ds:X509Certificate>"
                + "</ds:X509Data></ds:KeyInfo></ds:Signature></alert>";
        assertEquals(List.of(), mapperErrors(CapXmlReader.read(utf8(clean)).get(0)));
        // The real NAADS signature hides an <Object xmlns=""> of its own properties.
        ParsedCap naads = CapXmlReader.read(CapCorpus.bytes("canada_signed.cap")).get(0);
        assertEquals("Signature", naads.structureErrors().get(0).field());
    }

    @Test
    void envelopeStructureErrorsCarryTheEnvelopePath() {
        String body = envelope("<xmlContent><embeddedXMLContent>" + minimalAlert("<info><x/></info>")
                + "</embeddedXMLContent></xmlContent>");
        ParsedCap cap = CapXmlReader.read(utf8(body)).get(0);
        assertEquals(List.of(new FieldError("contentObject[0].alert.info[0].x", "is not a CAP 1.2 element of info")),
                mapperErrors(cap));
        assertEquals("contentObject[0].alert.info[0].x", cap.structureErrors().get(0).field());
    }

    @Test
    void malformedXmlIsReportedWithPositionAndNoJavaNames() {
        CapFormatException e = assertThrows(CapFormatException.class,
                () -> CapXmlReader.read(utf8("<alert xmlns='" + CAP + "'>\n<identifier>a</alert>")));
        assertEquals(Kind.MALFORMED, e.kind());
        assertEquals("body", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
        assertNoJavaNames(e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not xml", "<alert>&undeclared;</alert>", "<a></b>"})
    void brokenBodiesAreMalformed(String body) {
        CapFormatException e = assertThrows(CapFormatException.class, () -> CapXmlReader.read(utf8(body)));
        assertEquals(Kind.MALFORMED, e.kind());
        assertNoJavaNames(e.getMessage());
    }

    @Test
    void bytesThatDoNotMatchTheDeclaredEncodingAreMalformed() {
        byte[] body = "<?xml version='1.0' encoding='UTF-8'?><alert>Usulut\u00e1n</alert>"
                .getBytes(StandardCharsets.ISO_8859_1);
        CapFormatException e = assertThrows(CapFormatException.class, () -> CapXmlReader.read(body));
        assertEquals(Kind.MALFORMED, e.kind());
        assertNoJavaNames(e.getMessage());
    }

    @Test
    void corpusXxeSampleIsHostile() {
        CapFormatException e = assertThrows(CapFormatException.class,
                () -> CapXmlReader.read(CapCorpus.bytes("xee.cap")));
        assertEquals(Kind.HOSTILE, e.kind());
        assertEquals("DTDs, entity declarations and XInclude are not accepted", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<!DOCTYPE alert [<!ENTITY a 'aaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]><alert xmlns='" + CAP + "'>&b;</alert>",
            "<!DOCTYPE alert SYSTEM 'file:///etc/passwd'><alert xmlns='" + CAP + "'/>",
            "<alert xmlns='" + CAP + "'><note><xi:include xmlns:xi='http://www.w3.org/2001/XInclude' href='file:///etc/passwd'/></note></alert>",
            "<EDXLDistribution xmlns='" + EDXL + "'><contentObject><xi:include xmlns:xi='http://www.w3.org/2001/XInclude' href='x'/></contentObject></EDXLDistribution>"})
    void dtdsEntitiesAndXIncludeAreHostile(String body) {
        CapFormatException e = assertThrows(CapFormatException.class, () -> CapXmlReader.read(utf8(body)));
        assertEquals(Kind.HOSTILE, e.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<feed xmlns='http://www.w3.org/2005/Atom'/>", "<alert><identifier>a</identifier></alert>",
            "<info xmlns='" + CAP + "'/>"})
    void otherDocumentsAreNotCap(String body) {
        CapFormatException e = assertThrows(CapFormatException.class, () -> CapXmlReader.read(utf8(body)));
        assertEquals(Kind.NOT_CAP, e.kind());
        assertEquals("alert", e.errors().get(0).field());
    }

    /** An info in the order CAP's schema gives, with {@code before} and {@code after} around its event code. */
    private static String info(String language, String before, String after) {
        return "<info>" + language + "<category>Safety</category><event>Air raid</event><urgency>Immediate</urgency>"
                + "<severity>Extreme</severity><certainty>Observed</certainty>" + before
                + "<eventCode><valueName>UA</valueName><value>air</value></eventCode>" + after
                + "<area><areaDesc>Kyiv</areaDesc><geocode><valueName>ISO 3166-2</valueName><value>UA-30</value>"
                + "</geocode></area></info>";
    }

    @Test
    void theSchemaPassesAnAlertInItsOrder() {
        ParsedCap cap = CapXmlReader.read(utf8(minimalAlert(info("", "", "<expires>2026-11-25T20:00:00+02:00</expires>"))))
                .get(0);
        assertEquals(List.of(), cap.structureErrors());
    }

    @Test
    void anElementOutOfOrderIsRefusedWhereItStands() {
        // eventCode after expires: CAP's schema puts eventCode first.
        String body = minimalAlert("<info><category>Safety</category><event>Air raid</event><urgency>Immediate</urgency>"
                + "<severity>Extreme</severity><certainty>Observed</certainty><expires>2026-11-25T20:00:00+02:00</expires>"
                + "<eventCode><valueName>UA</valueName><value>air</value></eventCode>"
                + "<area><areaDesc>Kyiv</areaDesc></area></info>");
        FieldError first = CapXmlReader.read(utf8(body)).get(0).structureErrors().get(0);
        assertEquals("info[0].eventCode[0]", first.field());
        assertTrue(first.message().startsWith("breaks the OASIS schema: Invalid content was found starting with element"),
                first.message());
        assertNoJavaNames(first.message());
    }

    @Test
    void scopeBeforeStatusIsRefused() {
        String body = "<alert xmlns='" + CAP + "'><identifier>id-1</identifier><sender>s</sender>"
                + "<sent>2026-11-25T08:00:00+02:00</sent><scope>Public</scope><status>Actual</status>"
                + "<msgType>Alert</msgType></alert>";
        FieldError first = CapXmlReader.read(utf8(body)).get(0).structureErrors().get(0);
        assertEquals("scope", first.field());
        assertTrue(first.message().contains("status"), first.message());
    }

    @Test
    void strayTextBetweenElementsIsRefused() {
        String body = minimalAlert("<info><category>Safety</category><event>Air raid</event><urgency>Immediate</urgency>"
                + "<severity>Extreme</severity><certainty>Observed</certainty><area><areaDesc>Kyiv</areaDesc>"
                + "<geocode><valueName>ISO 3166-2</valueName><value>UA-30</value>+</geocode></area></info>");
        FieldError first = CapXmlReader.read(utf8(body)).get(0).structureErrors().get(0);
        assertEquals("info[0].area[0].geocode[0]", first.field());
        assertTrue(first.message().contains("cannot have character"), first.message());
    }

    @Test
    void anEmptyLanguageIsTheSchemasDefault() {
        ParsedCap cap = CapXmlReader.read(utf8(minimalAlert(info("<language/>", "", "")))).get(0);
        assertEquals(List.of(), cap.structureErrors());
        assertNull(cap.alert().info().get(0).language(), "read as absent: en-US, CAP's default");
        assertEquals(List.of(), CapValidator.validate(cap.alert()));
    }

    @Test
    void anEnvelopeTheEdxlSchemaRefusesIsRefusedAsSuch() {
        String body = "<EDXLDistribution xmlns='" + EDXL + "'><distributionID>d</distributionID><contentObject>"
                + "<xmlContent><embeddedXMLContent>" + minimalAlert("") + "</embeddedXMLContent></xmlContent>"
                + "</contentObject></EDXLDistribution>";
        CapFormatException e = assertThrows(CapFormatException.class, () -> CapXmlReader.read(utf8(body)));
        assertEquals(Kind.INVALID_ENVELOPE, e.kind());
        assertEquals("contentObject[0]", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("senderID"), e.errors().get(0).message());
    }

    @Test
    void eachAlertOfAnEnvelopeIsCheckedAgainstCapsSchema() {
        String outOfOrder = "<alert xmlns='" + CAP + "'><identifier>id-2</identifier><sender>s</sender>"
                + "<sent>2026-11-25T08:00:00+02:00</sent><scope>Public</scope><status>Actual</status>"
                + "<msgType>Alert</msgType></alert>";
        List<ParsedCap> parsed = CapXmlReader.read(utf8(envelope(
                "<xmlContent><embeddedXMLContent>" + minimalAlert("") + "</embeddedXMLContent></xmlContent>",
                "<xmlContent><embeddedXMLContent>" + outOfOrder + "</embeddedXMLContent></xmlContent>")));
        assertEquals(List.of(), parsed.get(0).structureErrors());
        assertEquals("contentObject[1].alert.scope", parsed.get(1).structureErrors().get(0).field());
    }

    @Test
    void theMediaTypesCharsetReadsABodyThatNamesNoEncoding() {
        String xml = minimalAlert(info("", "", "")).replace("Air raid", "alerte aérienne");
        ParsedCap latin1 = CapXmlReader.read(xml.getBytes(StandardCharsets.ISO_8859_1), "ISO-8859-1").get(0);
        assertEquals("alerte aérienne", latin1.alert().info().get(0).event());
        // A body that declares its encoding is read in it, whatever a client library put in the header.
        byte[] declared = ("<?xml version='1.0' encoding='UTF-8'?>" + xml).getBytes(StandardCharsets.UTF_8);
        assertEquals("alerte aérienne", CapXmlReader.read(declared, "ISO-8859-1").get(0).alert().info().get(0).event());
        assertTrue(CapXmlReader.namesItsEncoding(declared));
        assertFalse(CapXmlReader.namesItsEncoding(utf8("<?xml version='1.0'?><alert/>")));
        assertTrue(CapXmlReader.namesItsEncoding(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<'}));
    }

    /** The reader's own structure errors, without the schema's first violation. */
    private static List<FieldError> mapperErrors(ParsedCap cap) {
        return cap.structureErrors().stream().filter(e -> !e.message().startsWith("breaks the OASIS schema")).toList();
    }

    private static void assertNoJavaNames(String message) {
        assertFalse(message.contains("java.") || message.contains("org.") || message.contains("Exception"), message);
    }

    static String minimalAlert(String extra) {
        return "<alert xmlns='" + CAP + "'><identifier>id-1</identifier><sender>s</sender>"
                + "<sent>2026-11-25T08:00:00+02:00</sent><status>Actual</status><msgType>Alert</msgType>"
                + "<scope>Public</scope>" + extra + "</alert>";
    }

    private static String envelope(String... contentObjects) {
        StringBuilder out = new StringBuilder("<EDXLDistribution xmlns='" + EDXL + "'><distributionID>d</distributionID>"
                + "<senderID>s@example.org</senderID><dateTimeSent>2026-11-25T08:00:00+02:00</dateTimeSent>"
                + "<distributionStatus>Actual</distributionStatus><distributionType>Report</distributionType>"
                + "<combinedConfidentiality>UNCLASSIFIED</combinedConfidentiality>");
        for (String content : contentObjects) {
            out.append("<contentObject><contentDescription>c</contentDescription>").append(content).append("</contentObject>");
        }
        return out.append("</EDXLDistribution>").toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
