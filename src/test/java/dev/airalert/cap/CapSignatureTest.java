package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestSigning.Identity;
import dev.airalert.TestSigning;
import dev.airalert.cap.SignatureVerdict.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signature rules on their own: what verifies, and why what does not. */
class CapSignatureTest {

    private static final Identity SIGNER = TestSigning.selfSigned("unit signer");
    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>id-1</identifier><sender>s@example.test</sender><sent>2026-11-25T08:00:00+02:00</sent>
              <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
            </alert>""";

    private static SignatureVerdict verify(byte[] xml, Identity... registered) {
        return CapSignature.verify(xml, java.util.Arrays.stream(registered)
                .map(i -> CapSignature.Registered.of(i.certificate())).toList(), Instant.now());
    }

    @Test
    void aSignatureByARegisteredCertificateVerifies() {
        SignatureVerdict verdict = verify(TestSigning.sign(XML, SIGNER), SIGNER);
        assertEquals(Verdict.VERIFIED, verdict.verdict(), verdict.toString());
        assertEquals(SIGNER.sha256(), verdict.certificate());
    }

    @Test
    void whatDoesNotVerifySaysWhy() {
        byte[] signed = TestSigning.sign(XML, SIGNER);
        String tampered = new String(signed, StandardCharsets.UTF_8).replace("id-1", "id-2");
        SignatureVerdict changed = verify(tampered.getBytes(StandardCharsets.UTF_8), SIGNER);
        assertEquals(Verdict.INVALID, changed.verdict());
        assertTrue(changed.reason().contains("content was changed"), changed.reason());

        SignatureVerdict otherKey = verify(signed, TestSigning.selfSigned("someone else"));
        assertEquals(Verdict.INVALID, otherKey.verdict());
        assertTrue(otherKey.reason().contains("not made with a certificate registered"), otherKey.reason());

        SignatureVerdict sha1 = verify(TestSigning.signSha1(XML, SIGNER), SIGNER);
        assertEquals(Verdict.UNVERIFIABLE, sha1.verdict());
        assertTrue(sha1.reason().contains("rsa-sha1"), sha1.reason());

        assertEquals(Verdict.UNVERIFIABLE, verify(signed).verdict(), "no certificate registered");
        assertEquals(SignatureVerdict.NONE, verify(XML.getBytes(StandardCharsets.UTF_8), SIGNER));

        Identity lapsed = TestSigning.expired("lapsed");
        SignatureVerdict expired = verify(TestSigning.sign(XML, lapsed), lapsed);
        assertEquals(Verdict.INVALID, expired.verdict());
        assertTrue(expired.reason().contains("not valid at receipt"), expired.reason());
    }

    @Test
    void aCertificateIssuedByARegisteredCaVerifiesAndAnotherCasDoesNot() {
        Identity ca = TestSigning.ca("unit CA");
        Identity leaf = TestSigning.issuedBy(ca, "unit leaf", false);
        SignatureVerdict verdict = verify(TestSigning.sign(XML, leaf), ca);
        assertEquals(Verdict.VERIFIED, verdict.verdict(), verdict.toString());
        assertTrue(verdict.subject().contains("CN=unit leaf"));
        Identity stranger = TestSigning.issuedBy(TestSigning.ca("other CA"), "stranger", false);
        assertEquals(Verdict.INVALID, verify(TestSigning.sign(XML, stranger), ca).verdict());
    }

    @Test
    void aDocumentWithMoreThanOneSignatureIsNotChecked() {
        String once = new String(TestSigning.sign(XML, SIGNER), StandardCharsets.UTF_8);
        String signature = once.substring(once.indexOf("<Signature"), once.indexOf("</Signature>") + 12);
        String twice = once.replace("</alert>", signature + "</alert>");
        assertEquals(Verdict.UNVERIFIABLE, verify(twice.getBytes(StandardCharsets.UTF_8), SIGNER).verdict());
    }

    @Test
    void onlyTheWholeDocumentMayBeReferenced() {
        String signed = new String(TestSigning.sign(XML, SIGNER), StandardCharsets.UTF_8)
                .replace("URI=\"\"", "URI=\"http://attacker.example/other.xml\"");
        SignatureVerdict verdict = verify(signed.getBytes(StandardCharsets.UTF_8), SIGNER);
        assertEquals(Verdict.UNVERIFIABLE, verdict.verdict());
        assertTrue(verdict.reason().contains("whole document"), verdict.reason());
    }

    @Test
    void unusedRegisteredCertificatesDoNotMatter() {
        assertEquals(Verdict.VERIFIED, verify(TestSigning.sign(XML, SIGNER),
                TestSigning.selfSigned("old one"), SIGNER).verdict());
    }

    @Test
    void realIpawsSignaturesVerifyWithTheirCertificateAsOfWhenTheyWereSent() throws Exception {
        for (String file : List.of("ipaws-5e7e0fc5023f1930efcf3deb.xml", "ipaws-5e6dd9de023f1930ef6548d9.xml")) {
            byte[] xml = CapCorpus.bytes(file);
            String text = new String(xml, StandardCharsets.UTF_8);
            String base64 = text.replaceAll("(?s).*<(?:ds:)?X509Certificate>(.*?)</(?:ds:)?X509Certificate>.*", "$1").replaceAll("\\s", "");
            X509Certificate ipaws = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
            Instant sent = java.time.OffsetDateTime.parse(text.replaceAll("(?s).*<sent>(.*?)</sent>.*", "$1")).toInstant();
            SignatureVerdict then = CapSignature.verify(xml, List.of(CapSignature.Registered.of(ipaws)), sent);
            assertEquals(Verdict.VERIFIED, then.verdict(), file + ": " + then);
            String altered = text.replaceFirst("<status>Actual</status>", "<status>Exercise</status>");
            assertEquals(Verdict.INVALID, CapSignature.verify(altered.getBytes(StandardCharsets.UTF_8),
                    List.of(CapSignature.Registered.of(ipaws)), sent).verdict(), file + " altered");
        }
    }
}
