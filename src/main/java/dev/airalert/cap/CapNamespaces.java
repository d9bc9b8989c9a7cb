package dev.airalert.cap;

/**
 * The XML namespace URIs the CAP reader and writer must tell apart. Kept in one place
 * because the version of a CAP message is known only from its namespace, never from an
 * attribute, so a typo here would silently change which messages are accepted.
 */
public final class CapNamespaces {

    /** CAP 1.2: the model every alert is read into and the version CAP XML is written in. */
    public static final String CAP_1_2 = "urn:oasis:names:tc:emergency:cap:1.2";
    /** CAP 1.1, still published by many official feeds; read into the CAP 1.2 model. */
    public static final String CAP_1_1 = "urn:oasis:names:tc:emergency:cap:1.1";
    /** CAP 1.0 used a URL rather than a URN; read into the CAP 1.2 model. */
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

    /** Where OASIS puts CAP's namespaces: one under it that is not a known version is a newer CAP. */
    private static final String CAP_URN_PREFIX = "urn:oasis:names:tc:emergency:cap:";

    /** Whether the namespace is CAP's, of a version this service does not know (a future one). */
    static boolean isUnknownCapVersion(String namespace) {
        return namespace != null && namespace.startsWith(CAP_URN_PREFIX) && CapVersion.ofNamespace(namespace) == null;
    }
}
