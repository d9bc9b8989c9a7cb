package dev.airalert.cap;

import dev.airalert.web.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The OASIS schemas as the authority on an XML alert's structure: which elements, in which
 * order, how often, with which simple values, and no stray text between elements. An alert is
 * checked against its version's schema, an EDXL-DE envelope against its own; the first
 * violation is reported with the field path of the element it was found at. The schemas are
 * compiled once, from the service's own copies (nothing is fetched), by the JDK's validator with
 * secure processing on. What a schema cannot say (dates in order, a polygon closed, references
 * well formed) stays {@link CapValidator}'s.
 */
public final class CapSchemas {

    /** CAP 1.2. Its last particle takes any number of XML Signature elements: an enveloped signature validates. */
    public static final CapSchemas CAP_1_2 = new CapSchemas("cap12.xsd", CapDomMapper.REPEATED);
    /** EDXL-DE 1.0: its embedded content is checked laxly, so the alerts in it are judged on their own. */
    public static final CapSchemas EDXL_DE_1_0 = new CapSchemas("edxlde-1_0.xsd", Set.of("contentObject",
            "keyword", "targetArea", "explicitAddress", "recipientRole", "senderRole"));

    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";
    private final Schema schema;
    /** The elements of this schema that repeat: their paths carry an index, as the validator's field paths do. */
    private final Set<String> repeated;

    /** Compiles one of the service's schema copies; {@code repeated} names its elements that repeat. */
    static CapSchemas compile(String file, Set<String> repeated) {
        return new CapSchemas(file, repeated);
    }

    private CapSchemas(String file, Set<String> repeated) {
        this.repeated = repeated;
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try (InputStream in = CapSchemas.class.getResourceAsStream("/cap/schema/" + file)) {
            if (in == null) {
                throw new IllegalStateException("schema " + file + " is not in the package");
            }
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(new StreamSource(in, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + file + " does not compile", e);
        }
    }

    /**
     * The first place where the element and what it holds break the schema, if any.
     *
     * @param root the document's alert or envelope element
     * @param path the path of {@code root} in the body ("" for the body's own root); prefixes the field
     */
    public Optional<FieldError> firstViolation(Element root, String path) {
        Validator validator = schema.newValidator();
        FirstError first = new FirstError(validator);
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(first);
            validator.validate(new DOMSource(root));
        } catch (SAXException stopped) {
            // The handler stops at the first error; it has kept what and where.
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (first.message == null) {
            return Optional.empty();
        }
        String field = fieldPath(first.element != null ? first.element : root, root);
        String prefixed = field.isEmpty() ? (path.isEmpty() ? root.getLocalName() : path) : FieldError.join(path, field);
        return Optional.of(new FieldError(prefixed, first.message));
    }

    /** Stops the validation at its first error, noting the element being validated. */
    private static final class FirstError implements ErrorHandler {
        private final Validator validator;
        private String message;
        private Element element;

        FirstError(Validator validator) {
            this.validator = validator;
        }

        @Override
        public void warning(SAXParseException e) {
            // Not a violation.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            message = readable(e.getMessage());
            try {
                if (validator.getProperty(CURRENT_ELEMENT) instanceof Element current) {
                    element = current;
                }
            } catch (SAXException unsupported) {
                // The path then names the root: the message still says what is wrong.
            }
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            error(e);
        }
    }

    /** The element's path below root: {@code info[0].area[1].geocode[0]}; "" for root itself. */
    private String fieldPath(Element element, Element root) {
        List<String> steps = new ArrayList<>();
        for (Node n = element; n != null && n != root && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            String name = n.getLocalName();
            steps.add(0, repeated.contains(name) ? name + "[" + sameNamedBefore(n) + "]" : name);
        }
        return String.join(".", steps);
    }

    private static int sameNamedBefore(Node element) {
        int index = 0;
        for (Node s = element.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
            if (s.getNodeType() == Node.ELEMENT_NODE && element.getLocalName().equals(s.getLocalName())
                    && Objects.equals(element.getNamespaceURI(), s.getNamespaceURI())) {
                index++;
            }
        }
        return index;
    }

    /** The validator's message without its rule code and namespace names: what a publisher can act on. */
    static String readable(String message) {
        String text = message == null ? "breaks the schema" : message.replaceFirst("^cvc-[A-Za-z0-9.-]+: ", "");
        return "breaks the OASIS schema: " + text.replaceAll("\"[^\"]*\":", "").replace("{", "").replace("}", "");
    }
}
