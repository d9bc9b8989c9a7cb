package dev.airalert.cap;

import dev.airalert.web.XmlText;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link CapAlert} as a CAP 1.2 document, for alerts that arrived as JSON or were
 * cut out of an EDXL-DE envelope and so have no original bytes to pass on. Elements follow
 * the schema's order; null fields and empty lists are left out, while an empty string is
 * written as an empty element so that {@link CapXmlReader} reads back exactly what was
 * written. Escaping is left to StAX rather than done by hand.
 */
public final class CapXmlWriter {

    private static final String NS = CapNamespaces.CAP_1_2;

    private final XMLStreamWriter xml;
    private int depth;

    private CapXmlWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /**
     * @throws IllegalArgumentException when a value holds a character XML 1.0 cannot carry
     *                                  (control characters other than tab and newlines)
     */
    public static String write(CapAlert alert) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NS);
            new CapXmlWriter(xml).alert(alert);
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write CAP XML", e);
        }
        return out.toString();
    }

    private void alert(CapAlert a) throws XMLStreamException {
        indent();
        xml.writeStartElement(NS, "alert");
        xml.writeDefaultNamespace(NS);
        depth++;
        leaf("identifier", a.identifier());
        leaf("sender", a.sender());
        leaf("sent", a.sent());
        leaf("status", a.status());
        leaf("msgType", a.msgType());
        leaf("source", a.source());
        leaf("scope", a.scope());
        leaf("restriction", a.restriction());
        leaf("addresses", a.addresses());
        leaves("code", a.code());
        leaf("note", a.note());
        leaf("references", a.references());
        leaf("incidents", a.incidents());
        for (CapInfo info : a.info()) {
            info(info);
        }
        close();
    }

    private void info(CapInfo i) throws XMLStreamException {
        open("info");
        leaf("language", i.language());
        leaves("category", i.category());
        leaf("event", i.event());
        leaves("responseType", i.responseType());
        leaf("urgency", i.urgency());
        leaf("severity", i.severity());
        leaf("certainty", i.certainty());
        leaf("audience", i.audience());
        namedValues("eventCode", i.eventCode());
        leaf("effective", i.effective());
        leaf("onset", i.onset());
        leaf("expires", i.expires());
        leaf("senderName", i.senderName());
        leaf("headline", i.headline());
        leaf("description", i.description());
        leaf("instruction", i.instruction());
        leaf("web", i.web());
        leaf("contact", i.contact());
        namedValues("parameter", i.parameter());
        for (CapResource r : i.resource()) {
            open("resource");
            leaf("resourceDesc", r.resourceDesc());
            leaf("mimeType", r.mimeType());
            leaf("size", r.size());
            leaf("uri", r.uri());
            leaf("derefUri", r.derefUri());
            leaf("digest", r.digest());
            close();
        }
        for (CapArea area : i.area()) {
            open("area");
            leaf("areaDesc", area.areaDesc());
            leaves("polygon", area.polygon());
            leaves("circle", area.circle());
            namedValues("geocode", area.geocode());
            leaf("altitude", area.altitude());
            leaf("ceiling", area.ceiling());
            close();
        }
        close();
    }

    private void namedValues(String name, List<NamedValue> values) throws XMLStreamException {
        for (NamedValue nv : values) {
            open(name);
            leaf("valueName", nv.valueName());
            leaf("value", nv.value());
            close();
        }
    }

    private void leaves(String name, List<String> values) throws XMLStreamException {
        for (String value : values) {
            leaf(name, value);
        }
    }

    private void leaf(String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        indent();
        xml.writeStartElement(NS, name);
        // StAX would write it as is and produce a document no parser accepts: ingest refuses
        // such text, and alerts stored before that rule are written with replacement characters.
        xml.writeCharacters(XmlText.writable(value));
        xml.writeEndElement();
    }

    private void open(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(NS, name);
        depth++;
    }

    private void close() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    /** Indentation only between elements, never inside a value, so it cannot change one. */
    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
