package dev.airalert.cap;

import dev.airalert.ColumnText;
import dev.airalert.cap.CapFormatException.Kind;
import dev.airalert.web.FieldError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a submitted body into the alerts it carries: a bare {@code <alert>} or the alerts
 * inside an EDXL-DE envelope, each of CAP 1.2, 1.1 or 1.0, read into the CAP 1.2 model. The
 * body comes from outside, so the parser is locked down (no DTD, no entities, no XInclude,
 * nothing fetched) and anything that is not CAP is refused with a {@link CapFormatException}
 * that says what to send instead. Field values are not judged here; that is
 * {@link CapValidator}'s job.
 */
public final class CapXmlReader {

    private static final String NOT_CAP_MESSAGE = "must be a CAP alert (1.2: " + CapNamespaces.CAP_1_2
            + "; 1.1: " + CapNamespaces.CAP_1_1 + "; 1.0: " + CapNamespaces.CAP_1_0
            + ") or an EDXL-DE EDXLDistribution (" + CapNamespaces.EDXL_DE_1_0 + ")";

    /** An XML declaration that names the document's encoding. */
    private static final Pattern ENCODING_DECLARED =
            Pattern.compile("^<\\?xml\\s[^>]*\\bencoding\\s*=\\s*[\"'][A-Za-z][A-Za-z0-9._-]*[\"']");

    /** Elements may nest this deep and no deeper. */
    static final int MAX_DEPTH = 64;

    private CapXmlReader() {
    }

    /**
     * @return one entry per alert found, in document order; never empty
     * @throws CapFormatException when the body as a whole cannot be taken as CAP
     */
    public static List<ParsedCap> read(byte[] body) {
        return read(body, null);
    }

    /**
     * @param charset the charset parameter of the body's media type, or null: the body's encoding
     *                when the body does not name its own (no byte order mark, no encoding in an XML
     *                declaration). A document that names its encoding is read in it: HTTP
     *                libraries label bodies with defaults of their own (ISO-8859-1 is common), while
     *                the declaration travels with the bytes, which are what is stored, served and signed.
     * @return one entry per alert found, in document order; never empty
     * @throws CapFormatException when the body as a whole cannot be taken as CAP
     */
    public static List<ParsedCap> read(byte[] body, String charset) {
        if (body == null || body.length == 0) {
            throw new CapFormatException(Kind.MALFORMED, "body", "is empty; expected a CAP XML document");
        }
        Document document = parse(body, charset == null || namesItsEncoding(body) ? null : charset);
        if (!"1.0".equals(document.getXmlVersion())) {
            // XML 1.1 lets a document carry control characters that XML 1.0 readers refuse.
            throw new CapFormatException(Kind.MALFORMED, "body", "must be XML 1.0, the version CAP is defined on"
                    + " (this is XML " + document.getXmlVersion() + ")");
        }
        Element root = document.getDocumentElement();
        if (root.getOwnerDocument().getElementsByTagNameNS(CapNamespaces.XINCLUDE, "*").getLength() > 0) {
            throw hostile();
        }
        CapVersion version = alertVersion(root);
        if (version != null) {
            // The exact bytes are kept: a signed alert must be passed on unaltered.
            return List.of(CapDomMapper.read(root, body, "", version));
        }
        if (isOfUnknownVersion(root)) {
            throw new CapFormatException(Kind.UNSUPPORTED_VERSION, "alert", unsupported(root.getNamespaceURI()));
        }
        if (CapNamespaces.EDXL_DE_1_0.equals(root.getNamespaceURI())
                && "EDXLDistribution".equals(root.getLocalName())) {
            return envelope(root);
        }
        throw new CapFormatException(Kind.NOT_CAP, "alert", NOT_CAP_MESSAGE);
    }

    private static List<ParsedCap> envelope(Element root) {
        CapSchemas.EDXL_DE_1_0.firstViolation(root, "").ifPresent(violation -> {
            throw new CapFormatException(Kind.INVALID_ENVELOPE, "The EDXL-DE envelope " + violation.message(),
                    List.of(violation));
        });
        List<ParsedCap> found = new ArrayList<>();
        for (Element contentObject : childElements(root, CapNamespaces.EDXL_DE_1_0, "contentObject")) {
            String path = "contentObject[" + found.size() + "].alert";
            List<Element> payload = new ArrayList<>();
            for (Element xml : childElements(contentObject, CapNamespaces.EDXL_DE_1_0, "xmlContent")) {
                for (Element embedded : childElements(xml, CapNamespaces.EDXL_DE_1_0, "embeddedXMLContent")) {
                    payload.addAll(childElements(embedded));
                }
            }
            CapVersion version = payload.size() == 1 ? alertVersion(payload.get(0)) : null;
            if (version != null) {
                found.add(CapDomMapper.read(payload.get(0), null, path, version));
                continue;
            }
            String message = payload.size() == 1 && isOfUnknownVersion(payload.get(0))
                    ? unsupported(payload.get(0).getNamespaceURI())
                    : payload.size() > 1 ? "must contain exactly one CAP alert"
                    : "must contain a CAP alert";
            // Reported per slot rather than thrown, so the other alerts can still be judged.
            found.add(ParsedCap.emptySlot(path, message));
        }
        if (found.isEmpty()) {
            throw new CapFormatException(Kind.NOT_CAP, "contentObject",
                    "the EDXL-DE envelope holds no contentObject; it must carry CAP alerts");
        }
        return found;
    }

    /**
     * Any XML document from outside (a feed's index), parsed as locked down as an alert: no DTD,
     * no entities, no XInclude, nothing fetched, nesting bounded.
     *
     * @throws CapFormatException MALFORMED or HOSTILE, with a message for whoever sent it
     */
    public static Document parseUntrusted(byte[] body) {
        Document document = parse(body, null);
        if (document.getElementsByTagNameNS(CapNamespaces.XINCLUDE, "*").getLength() > 0) {
            throw hostile();
        }
        return document;
    }

    /** Whether the body names its encoding itself: a byte order mark, or an XML declaration with an encoding. */
    public static boolean namesItsEncoding(byte[] body) {
        if (body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
                || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE)
                || (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF))) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1);
        return ENCODING_DECLARED.matcher(start).find();
    }

    private static Document parse(byte[] body, String charset) {
        DocumentBuilder builder = newBuilder();
        try {
            return builder.parse(source(body, charset));
        } catch (SAXParseException e) {
            if (declaresDtd(body)) {
                throw hostile();
            }
            String message = String.format("is not well-formed XML (line %d, column %d): %s",
                    e.getLineNumber(), e.getColumnNumber(), publisherMessage(e));
            throw new CapFormatException(Kind.MALFORMED, "body", message);
        } catch (SAXException | IOException e) {
            throw new CapFormatException(Kind.MALFORMED, "body", "could not be read as XML");
        }
    }

    /**
     * The bytes as the parser's input: a stream, not a String, so the parser honours the
     * prolog's encoding; {@code charset} (or null) when the bytes do not name their own.
     */
    static InputSource source(byte[] body, String charset) {
        InputSource source = new InputSource(new ByteArrayInputStream(body));
        if (charset != null) {
            source.setEncoding(charset);
        }
        return source;
    }

    /** A parser that refuses DTDs, entities and XInclude, and fetches nothing. */
    static DocumentBuilder newBuilder() {
        // The JDK's own parser, so every feature below is known to exist and be honoured,
        // whatever XML library happens to be on the classpath.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            // CAP inside an EDXL-DE envelope with a signature nests about 15 deep; reading text
            // out of markup nested thousands deep would exhaust the stack.
            factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT_STRICT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    /** Without a handler the parser prints each problem to stderr before throwing. */
    private static final ErrorHandler SILENT_STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // Warnings do not make a document unusable.
        }

        @Override
        public void error(SAXParseException e) {
            // Validity errors only; nothing here is validated against a DTD.
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /**
     * Tells a refused DOCTYPE from other parse failures without relying on the wording of
     * the parser's message: a second, DTD-less streaming read up to the root element.
     */
    private static boolean declaresDtd(byte[] body) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not fetched");
        });
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        return true;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return false;
                    }
                }
                return false;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return false;
        }
    }

    /** The parser's own wording is useful, unless it leaks implementation details. */
    private static String publisherMessage(SAXParseException e) {
        String message = e.getMessage();
        if (message == null || message.contains("java.") || message.contains("Exception")) {
            return "the document is not valid XML";
        }
        return message;
    }

    private static CapFormatException hostile() {
        return new CapFormatException(Kind.HOSTILE, "body",
                "DTDs, entity declarations and XInclude are not accepted");
    }

    private static String unsupported(String namespace) {
        return "is in " + ColumnText.fit(namespace, 80) + ", a CAP version this service does not read;"
                + " send CAP 1.2 (" + CapNamespaces.CAP_1_2 + "), 1.1 or 1.0";
    }

    /** The CAP version of an {@code <alert>} element, or null when it is not a CAP alert. */
    private static CapVersion alertVersion(Element element) {
        return "alert".equals(element.getLocalName()) ? CapVersion.ofNamespace(element.getNamespaceURI()) : null;
    }

    private static boolean isOfUnknownVersion(Element element) {
        return "alert".equals(element.getLocalName()) && CapNamespaces.isUnknownCapVersion(element.getNamespaceURI());
    }

    /** The element children of a node, skipping text, comments and processing instructions. */
    static List<Element> childElements(Element parent) {
        return childElements(parent, null, null);
    }

    private static List<Element> childElements(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null
                    || (localName.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())))) {
                out.add(e);
            }
        }
        return out;
    }
}
