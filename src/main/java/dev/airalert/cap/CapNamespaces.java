package dev.airalert.cap;

/**
 * The XML namespace URIs the CAP reader and writer must tell apart. Kept in one place
 * because the version of a CAP message is known only from its namespace, never from an
 * attribute, so a typo here would silently change which messages are accepted.
 */
public final class CapNamespaces {

    /** The only CAP version this service accepts. */
    public static final String CAP_1_2 = "urn:oasis:names:tc:emergency:cap:1.2";
    /** Older CAP, rejected with a message that names the version to send instead. */
    public static final String CAP_1_1 = "urn:oasis:names:tc:emergency:cap:1.1";
    /** CAP 1.0 used a URL rather than a URN. */
    public static final String CAP_1_0 = "http://www.incident.com/cap/1.0";
    /** The EDXL-DE 1.0 envelope that some agencies wrap several alerts in. */
    public static final String EDXL_DE_1_0 = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";
    /** CAP allows an enveloped XML signature as the last child of {@code <alert>}. */
    public static final String XML_DSIG = "http://www.w3.org/2000/09/xmldsig#";
    /** XML Signature 1.1 additions (elliptic-curve key values) that may appear inside a signature. */
    public static final String XML_DSIG_11 = "http://www.w3.org/2009/xmldsig11#";
    /** XInclude could make the parser fetch other documents, so it is refused outright. */
    public static final String XINCLUDE = "http://www.w3.org/2001/XInclude";

    private CapNamespaces() {
    }

    /** A human name for an older CAP namespace, or null when it is not one. */
    static String olderCapVersion(String namespace) {
        if (CAP_1_1.equals(namespace)) {
            return "CAP 1.1";
        }
        if (CAP_1_0.equals(namespace)) {
            return "CAP 1.0";
        }
        return null;
    }
}
