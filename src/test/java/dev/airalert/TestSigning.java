package dev.airalert;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;

/**
 * Certificates and signed CAP for tests: a CA of the test's own, certificates it issues (or
 * self-signed ones), and CAP XML signed the way IPAWS signs it (enveloped, exclusive C14N,
 * SHA-256), with the signing certificate in KeyInfo.
 */
public final class TestSigning {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate and the private key that goes with it. */
    public record Identity(X509Certificate certificate, PrivateKey key) {

        public String pem() {
            try {
                return "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public String sha256() {
            try {
                return java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestSigning() {
    }

    public static Identity selfSigned(String name) {
        KeyPair pair = rsa();
        return issue(name, pair, null, false, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
    }

    public static Identity expired(String name) {
        KeyPair pair = rsa();
        return issue(name, pair, null, false, Instant.now().minus(Duration.ofDays(400)),
                Instant.now().minus(Duration.ofDays(35)));
    }

    public static Identity ca(String name) {
        return issue(name, rsa(), null, true, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(3650)));
    }

    /** A signing certificate issued by {@code ca}; {@code ec} for ECDSA P-256 instead of RSA. */
    public static Identity issuedBy(Identity ca, String name, boolean ec) {
        return issue(name, ec ? ec() : rsa(), ca, false, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)));
    }

    /** The CAP XML signed by this identity, RSA- or ECDSA-SHA256 as its key is. */
    public static byte[] sign(String xml, Identity signer) {
        String method = signer.key().getAlgorithm().equals("EC") ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
        return sign(xml, signer, method, DigestMethod.SHA256);
    }

    /** Signed with SHA-1 (RSA-SHA1 and a SHA-1 digest), as old feeds still do. */
    public static byte[] signSha1(String xml, Identity signer) {
        return sign(xml, signer, "http://www.w3.org/2000/09/xmldsig#rsa-sha1", DigestMethod.SHA1);
    }

    private static byte[] sign(String xml, Identity signer, String signatureMethod, String digest) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            XMLSignatureFactory dsig = XMLSignatureFactory.getInstance("DOM");
            Reference reference = dsig.newReference("", dsig.newDigestMethod(digest, null),
                    List.of(dsig.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            dsig.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo info = dsig.newSignedInfo(
                    dsig.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    dsig.newSignatureMethod(signatureMethod, null), List.of(reference));
            KeyInfoFactory keys = dsig.getKeyInfoFactory();
            dsig.newXMLSignature(info, keys.newKeyInfo(List.of(keys.newX509Data(List.of(signer.certificate())))))
                    .sign(new DOMSignContext(signer.key(), document.getDocumentElement()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("Could not sign the test alert", e);
        }
    }

    private static Identity issue(String name, KeyPair pair, Identity issuer, boolean isCa, Instant from, Instant to) {
        try {
            X500Name subject = new X500Name("CN=" + name + ",O=airalert tests");
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(64, RANDOM), Date.from(from), Date.from(to), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(isCa
                    ? KeyUsage.keyCertSign | KeyUsage.digitalSignature : KeyUsage.digitalSignature));
            PrivateKey signingKey = issuer == null ? pair.getPrivate() : issuer.key();
            String algorithm = signingKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
            return new Identity(certificate, pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("Could not mint a test certificate", e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
