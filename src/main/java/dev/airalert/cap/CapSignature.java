package dev.airalert.cap;

import dev.airalert.Sha256;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks the enveloped XML signature of a standalone CAP XML document against the
 * certificates registered for its sender, with the JDK's XML Digital Signature API in
 * secure validation mode. Only what IPAWS and NAAD use is accepted: one reference to the
 * whole document (no external or XPath references, no XSLT), the enveloped-signature
 * transform and (exclusive) C14N, SHA-256/384/512 digests and RSA or ECDSA with SHA-2
 * signatures. Anything else is {@code unverifiable}, as is any signature when the sender has
 * no certificate registered.
 *
 * <p>The key is never taken from the message on trust: a signature verifies with a registered
 * certificate, or with a certificate carried in its {@code KeyInfo} that a registered
 * certificate issued (the sender registered its CA); either must be valid at receipt.
 */
public final class CapSignature {

    private static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS);
    private static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA256,
            SignatureMethod.RSA_SHA384, SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256,
            SignatureMethod.ECDSA_SHA384, SignatureMethod.ECDSA_SHA512);
    private static final Set<String> DIGESTS = Set.of("http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "http://www.w3.org/2001/04/xmlenc#sha512");

    private CapSignature() {
    }

    /** A certificate registered for a sender. */
    public record Registered(X509Certificate certificate, String sha256) {

        public static Registered of(X509Certificate certificate) {
            try {
                return new Registered(certificate, Sha256.hex(certificate.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalArgumentException("Not an encodable certificate", e);
            }
        }
    }

    /**
     * The verdict on a standalone CAP XML document's signature (a document with more than
     * one is unverifiable).
     */
    public static SignatureVerdict verify(byte[] xml, List<Registered> registered, Instant receivedAt) {
        return verify(xml, null, registered, receivedAt);
    }

    /**
     * As {@link #verify(byte[], List, Instant)}, for bytes that do not name their encoding and
     * were sent in {@code charset} (null: they name it, or are UTF-8).
     */
    public static SignatureVerdict verify(byte[] xml, String charset, List<Registered> registered, Instant receivedAt) {
        Document document;
        try {
            document = CapXmlReader.newBuilder().parse(CapXmlReader.source(xml, charset));
        } catch (Exception e) {
            return SignatureVerdict.invalid("the document cannot be read again as XML");
        }
        List<Element> signatures = new ArrayList<>();
        for (Element child : CapXmlReader.childElements(document.getDocumentElement())) {
            if (CapNamespaces.XML_DSIG.equals(child.getNamespaceURI()) && "Signature".equals(child.getLocalName())) {
                signatures.add(child);
            }
        }
        if (signatures.isEmpty()) {
            return SignatureVerdict.NONE;
        }
        if (registered.isEmpty()) {
            return SignatureVerdict.unverifiable("no certificate is registered for this sender");
        }
        if (signatures.size() > 1) {
            // Each enveloped signature digests the whole document: checking many is work an
            // attacker chooses, and a later one invalidates the earlier anyway.
            return SignatureVerdict.unverifiable("the document carries " + signatures.size()
                    + " signatures; only a document with one is checked");
        }
        return verifyOne(signatures.get(0), registered, receivedAt);
    }

    private static SignatureVerdict verifyOne(Element element, List<Registered> registered, Instant at) {
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        XMLSignature signature;
        try {
            // Read to see which algorithms it uses; nothing is dereferenced or checked yet.
            DOMValidateContext reading = context(element, null);
            reading.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
            signature = factory.unmarshalXMLSignature(reading);
        } catch (MarshalException e) {
            return SignatureVerdict.invalid("the signature is malformed: " + e.getMessage());
        }
        String refused = refusedAlgorithm(signature.getSignedInfo());
        if (refused != null) {
            return SignatureVerdict.unverifiable(refused);
        }
        List<Candidate> candidates = candidates(signature, registered, at);
        boolean digestHolds = false;
        String failure = null;
        for (Candidate candidate : candidates) {
            try {
                DOMValidateContext context = context(element, candidate.certificate());
                XMLSignature fresh = factory.unmarshalXMLSignature(context);
                if (fresh.validate(context)) {
                    if (!candidate.validAt(at)) {
                        return SignatureVerdict.invalid("signed with certificate " + candidate.describe()
                                + ", which is not valid at receipt");
                    }
                    return new SignatureVerdict(SignatureVerdict.Verdict.VERIFIED, candidate.registered().sha256(),
                            candidate.certificate().getSubjectX500Principal().getName(), candidate.via());
                }
                digestHolds |= ((Reference) fresh.getSignedInfo().getReferences().get(0)).validate(context);
            } catch (MarshalException | XMLSignatureException | RuntimeException e) {
                // This candidate's key cannot check it (an RSA key for an ECDSA signature): try the next.
                failure = e.getMessage();
            }
        }
        if (!digestHolds && failure != null) {
            return SignatureVerdict.invalid("the signature cannot be checked with a registered certificate: " + failure);
        }
        return SignatureVerdict.invalid(digestHolds
                ? "the signature was not made with a certificate registered for this sender"
                : "the content was changed after it was signed (the digest does not match)");
    }

    private static DOMValidateContext context(Element signature, X509Certificate key) {
        DOMValidateContext context = key == null
                ? new DOMValidateContext(NO_KEY, signature)
                : new DOMValidateContext(key.getPublicKey(), signature);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        // Same-document references only: nothing is ever fetched on a message's say-so.
        URIDereferencer whole = XMLSignatureFactory.getInstance("DOM").getURIDereferencer();
        context.setURIDereferencer((reference, ctx) -> {
            if (reference.getURI() == null || !reference.getURI().isEmpty()) {
                throw new URIReferenceException("only the whole document may be referenced");
            }
            return whole.dereference(reference, ctx);
        });
        return context;
    }

    /** Reading a signature's structure needs no key; checking it never gets one from here. */
    private static final KeySelector NO_KEY = new KeySelector() {
        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                XMLCryptoContext context) throws KeySelectorException {
            throw new KeySelectorException("no key is taken from the message");
        }
    };

    /** Why the signature's algorithms or references are not ones this service checks; null when they are. */
    private static String refusedAlgorithm(SignedInfo info) {
        if (!CANONICALIZATIONS.contains(info.getCanonicalizationMethod().getAlgorithm())) {
            return "canonicalization " + info.getCanonicalizationMethod().getAlgorithm() + " is not accepted";
        }
        if (!SIGNATURE_METHODS.contains(info.getSignatureMethod().getAlgorithm())) {
            return "signature algorithm " + info.getSignatureMethod().getAlgorithm()
                    + " is not accepted (RSA or ECDSA with SHA-256, -384 or -512)";
        }
        if (info.getReferences().size() != 1) {
            return "the signature must have exactly one reference, to the whole document";
        }
        Reference reference = (Reference) info.getReferences().get(0);
        if (reference.getURI() == null || !reference.getURI().isEmpty()) {
            return "the reference must be to the whole document (URI=\"\"), not '" + reference.getURI() + "'";
        }
        if (!DIGESTS.contains(reference.getDigestMethod().getAlgorithm())) {
            return "digest algorithm " + reference.getDigestMethod().getAlgorithm()
                    + " is not accepted (SHA-256, -384 or -512)";
        }
        boolean enveloped = false;
        for (Object t : reference.getTransforms()) {
            String algorithm = ((Transform) t).getAlgorithm();
            if (Transform.ENVELOPED.equals(algorithm)) {
                enveloped = true;
            } else if (!CANONICALIZATIONS.contains(algorithm)) {
                return "transform " + algorithm + " is not accepted";
            }
        }
        return enveloped ? null : "the signature must be enveloped (transform " + Transform.ENVELOPED + ")";
    }

    /** A key to try: a registered certificate, or one in KeyInfo issued by a registered certificate. */
    private record Candidate(X509Certificate certificate, Registered registered, String via) {

        boolean validAt(Instant at) {
            Date date = Date.from(at);
            try {
                certificate.checkValidity(date);
                registered.certificate().checkValidity(date);
                return true;
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        String describe() {
            return certificate.getSubjectX500Principal().getName() + " (valid "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")";
        }
    }

    private static List<Candidate> candidates(XMLSignature signature, List<Registered> registered, Instant at) {
        List<Candidate> candidates = new ArrayList<>();
        registered.forEach(r -> candidates.add(new Candidate(r.certificate(), r, null)));
        Set<String> seen = new HashSet<>();
        registered.forEach(r -> seen.add(r.sha256()));
        for (X509Certificate embedded : embeddedCertificates(signature)) {
            boolean[] usage = embedded.getKeyUsage();
            if (usage != null && !usage[0]) {
                continue; // a certificate not meant for signatures (digitalSignature) signs nothing here
            }
            Registered issuer = issuerAmong(embedded, registered, at);
            if (issuer != null && seen.add(Registered.of(embedded).sha256())) {
                candidates.add(new Candidate(embedded, issuer, "issued by registered certificate "
                        + issuer.certificate().getSubjectX500Principal().getName()));
            }
        }
        return candidates;
    }

    private static List<X509Certificate> embeddedCertificates(XMLSignature signature) {
        List<X509Certificate> found = new ArrayList<>();
        if (signature.getKeyInfo() == null) {
            return found;
        }
        for (Object info : signature.getKeyInfo().getContent()) {
            if (info instanceof X509Data data) {
                for (Object item : data.getContent()) {
                    if (item instanceof X509Certificate certificate) {
                        found.add(certificate);
                    }
                }
            }
        }
        return found;
    }

    /** The registered certificate (a CA) that issued this one, by a PKIX path check at receipt time. */
    private static Registered issuerAmong(X509Certificate certificate, List<Registered> registered, Instant at) {
        for (Registered anchor : registered) {
            if (anchor.certificate().getBasicConstraints() < 0) {
                continue;
            }
            try {
                PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor.certificate(), null)));
                parameters.setRevocationEnabled(false);
                parameters.setDate(Date.from(at));
                CertPathValidator.getInstance("PKIX").validate(
                        CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
                return anchor;
            } catch (GeneralSecurityException e) {
                // not issued by this one (or not valid at receipt): try the next
            }
        }
        return null;
    }
}
