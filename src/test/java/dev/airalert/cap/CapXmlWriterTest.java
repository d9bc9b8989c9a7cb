package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.web.FieldError;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CapXmlWriterTest {

    static Stream<CapCorpus.Entry> validRows() {
        return CapCorpus.withExpected("valid");
    }

    @ParameterizedTest
    @MethodSource("validRows")
    void everyValidCorpusAlertSurvivesARoundTrip(CapCorpus.Entry row) throws Exception {
        for (ParsedCap original : CapXmlReader.read(CapCorpus.bytes(row))) {
            String xml = CapXmlWriter.write(original.alert());
            ParsedCap again = single(xml);
            assertEquals(original.alert(), again.alert(), row + " " + original.path());
            assertEquals(List.of(), again.structureErrors());
            // The official schema checks element order and namespaces, which equality cannot.
            capSchema().newValidator().validate(new StreamSource(new StringReader(xml)));
        }
    }

    @Test
    void documentHasTheDeclarationAndTheCapDefaultNamespace() {
        String xml = CapXmlWriter.write(new CapAlertBuilder().build());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
        assertTrue(xml.contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"), xml);
    }

    @Test
    void elementsFollowTheSchemaOrder() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.references = "a,b,2026-11-25T07:00:00+02:00";
        b.code = List.of("profile:CAP-UA:1.0");
        b.info.eventCode = List.of(new NamedValue("SAME", "CDW"));
        b.info.parameter = List.of(new NamedValue("Sirens", "on"));
        b.info.resource = List.of(new CapResource("map", "image/png", null, null, null, null));
        String xml = CapXmlWriter.write(b.build());
        String[] order = {"<identifier>", "<sender>", "<sent>", "<status>", "<msgType>", "<scope>", "<code>",
            "<references>", "<info>", "<language>", "<category>", "<event>", "<responseType>", "<urgency>",
            "<severity>", "<certainty>", "<eventCode>", "<expires>", "<senderName>", "<headline>",
            "<description>", "<instruction>", "<parameter>", "<resource>", "<area>", "<areaDesc>",
            "<polygon>", "<circle>", "<geocode>"};
        int last = -1;
        for (String tag : order) {
            int at = xml.indexOf(tag);
            assertTrue(at > last, tag + " out of order in\n" + xml);
            last = at;
        }
    }

    @Test
    void specialCharactersAreEscapedAndComeBackUnchanged() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.info.headline = "Shelter <now> & \"stay\" 'there' ]]> Київ ✓ 𝄞";
        String xml = CapXmlWriter.write(b.build());
        assertFalse(xml.contains("<now>"), xml);
        assertEquals(b.info.headline, single(xml).alert().info().get(0).headline());
    }

    @Test
    void nullIsLeftOutAndEmptyIsWrittenAsAnEmptyElement() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.note = "";
        b.source = null;
        String xml = CapXmlWriter.write(b.build());
        assertFalse(xml.contains("source"), xml);
        assertFalse(xml.contains("<code"), xml);
        CapAlert back = single(xml).alert();
        assertEquals("", back.note());
        assertEquals(null, back.source());
        assertEquals(b.build(), back);
    }

    @Test
    void textXmlCannotCarryIsReplacedSoTheDocumentStaysReadable() {
        // Ingest refuses such text; an alert stored before that rule must still be served.
        CapAlertBuilder b = new CapAlertBuilder();
        b.info.description = "bell \u0007";
        assertEquals(List.of(new FieldError("info[0].description",
                "contains U+0007 at position 6, a character XML cannot carry (controls other than tab and line breaks"
                        + " are not text)")), CapValidator.validate(b.build()));
        assertEquals("bell \uFFFD", single(CapXmlWriter.write(b.build())).alert().info().get(0).description());
    }

    @Test
    void anAlertWithoutInfoIsWritten() {
        CapAlert cancel = new CapAlert("UA-2", "alerts@example.gov.ua", "2026-11-25T09:00:00+02:00", "Actual",
                "Cancel", null, "Public", null, null, null, null,
                "alerts@example.gov.ua,UA-1,2026-11-25T08:00:00+02:00", null, null);
        assertEquals(cancel, single(CapXmlWriter.write(cancel)).alert());
        assertEquals(List.of(), CapValidator.validate(cancel));
    }

    private static ParsedCap single(String xml) {
        List<ParsedCap> parsed = CapXmlReader.read(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, parsed.size());
        return parsed.get(0);
    }

    private static Schema capSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(CapCorpus.root().resolve("IBM__cap/CAP-v1.2.xsd").toFile());
    }
}
