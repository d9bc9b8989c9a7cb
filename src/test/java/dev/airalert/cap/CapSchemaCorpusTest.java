package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.MachineCommands;
import dev.airalert.cap.CapFormatException.Kind;
import dev.airalert.web.FieldError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the CAP corpus, of CAP 1.2, 1.1 and 1.0, judged twice: by ingest's reader and
 * validator, and by libxml2's {@code xmllint --schema} on the OASIS schema of its version (an EDXL-DE envelope on
 * EDXL-DE's schema with CAP 1.2's beside it, so that the alerts in it are checked too). The two
 * verdicts agree, except where a rule the schema cannot express refuses a message it accepts:
 * those are listed below, each with the field the refusal names.
 */
class CapSchemaCorpusTest {

    /** Schema-valid messages that ingest refuses, and the field each refusal names. */
    private static final Map<String, String> REFUSED_BEYOND_THE_SCHEMA = Map.of(
            // CAP 1.2 section 3.2.1: references are "sender,identifier,sent" triples.
            "canada_errors.cap", "references",
            // Policy: markup that is not XML Signature inside the signature (CapCorpus.REFUSED_BY_POLICY).
            "canada_signed.cap", "Signature");

    @TempDir
    static Path schemas;

    @BeforeAll
    static void schemas() throws IOException {
        for (String xsd : List.of("cap12.xsd", "cap11.xsd", "cap10.xsd", "edxlde-1_0.xsd")) {
            try (var in = CapSchemas.class.getResourceAsStream("/cap/schema/" + xsd)) {
                Files.copy(in, schemas.resolve(xsd));
            }
        }
        Files.writeString(schemas.resolve("edxlde-with-cap12.xsd"), """
                <?xml version="1.0"?>
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <xs:import namespace="urn:oasis:names:tc:emergency:EDXL:DE:1.0" schemaLocation="edxlde-1_0.xsd"/>
                  <xs:import namespace="urn:oasis:names:tc:emergency:cap:1.2" schemaLocation="cap12.xsd"/>
                </xs:schema>
                """);
    }

    static Stream<CapCorpus.Entry> messages() {
        return CapCorpus.entries().stream().filter(e -> !e.expected().equals("schema"));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void ingestAgreesWithTheOasisSchema(CapCorpus.Entry row) throws Exception {
        byte[] body = CapCorpus.bytes(row);
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String name = CapCorpus.fileName(row);
        String xsd = text.contains(CapNamespaces.EDXL_DE_1_0) ? "edxlde-with-cap12.xsd"
                : text.contains(CapNamespaces.CAP_1_1) ? "cap11.xsd"
                : text.contains(CapNamespaces.CAP_1_0) ? "cap10.xsd"
                : "cap12.xsd";
        boolean schemaValid = xmllintValidates(xsd, CapCorpus.root().resolve(row.localPath()));
        List<FieldError> errors = new ArrayList<>();
        Kind refused = judge(body, errors);
        boolean accepted = refused == null && errors.isEmpty();
        String beyond = REFUSED_BEYOND_THE_SCHEMA.get(name);
        if (beyond != null) {
            assertTrue(schemaValid, name + " is schema-valid");
            assertTrue(!accepted && errors.stream().anyMatch(e -> e.field().equals(beyond)),
                    name + " is refused on " + beyond + ": " + errors);
            return;
        }
        assertEquals(schemaValid, accepted, name + ": xmllint says " + (schemaValid ? "valid" : "invalid")
                + ", ingest " + (refused != null ? "refused it (" + refused + ")" : errors));
    }

    /** The reader's refusal of the whole body, or null with every field error collected. */
    private static Kind judge(byte[] body, List<FieldError> errors) {
        try {
            for (ParsedCap cap : CapXmlReader.read(body)) {
                errors.addAll(cap.structureErrors());
                CapValidator.validate(cap.alert()).forEach(
                        e -> errors.add(new FieldError(cap.qualify(e.field()), e.message())));
            }
            return null;
        } catch (CapFormatException e) {
            errors.addAll(e.errors());
            return e.kind();
        }
    }

    private static boolean xmllintValidates(String xsd, Path message) throws Exception {
        Process p = new ProcessBuilder("xmllint", "--noout", "--nonet", "--schema", schemas.resolve(xsd).toString(),
                message.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "xmllint did not end");
        assertTrue(p.exitValue() == 0 || p.exitValue() == 3, "xmllint could not run: " + out);
        return p.exitValue() == 0;
    }

    static {
        assertTrue(MachineCommands.onPath("xmllint"), "xmllint (Debian's libxml2-utils) is set up by the test command");
    }
}
