package dev.airalert.alert;

import dev.airalert.Clocks;
import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapInfo;
import dev.airalert.cap.CapTime;
import dev.airalert.web.XmlText;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Alerts as an Atom feed in the CAP feed convention: one entry per alert, its
 * {@code alternate} link pointing at the alert's CAP XML, so CAP aggregators can poll it.
 */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String write(AlertPage page, URI base, URI self) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "id", self.toString());
            text(xml, "title", "airalert: alerts");
            text(xml, "updated", page.items().isEmpty() ? Clocks.UTC.instant().toString()
                    : sent(page.items().get(0)).toString());
            link(xml, "self", "application/atom+xml", self.toString());
            for (AlertView alert : page.items()) {
                entry(xml, alert, base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter xml, AlertView view, URI base) throws XMLStreamException {
        CapAlert cap = view.alert();
        CapInfo info = cap.info().isEmpty() ? null : cap.info().get(0);
        xml.writeStartElement("entry");
        text(xml, "id", "urn:uuid:" + view.id());
        text(xml, "title", title(cap, info));
        text(xml, "updated", sent(view).toString());
        xml.writeStartElement("author");
        text(xml, "name", info != null && info.senderName() != null ? info.senderName() : cap.sender());
        xml.writeEndElement();
        if (info != null && info.description() != null) {
            text(xml, "summary", info.description());
        }
        link(xml, "alternate", "application/cap+xml",
                base.resolve("api/v1/alerts/" + view.id() + ".xml").toString());
        xml.writeStartElement("category");
        xml.writeAttribute("term", view.state().code());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String title(CapAlert cap, CapInfo info) {
        if (info == null) {
            return cap.msgType() + " " + cap.identifier();
        }
        return info.headline() != null ? info.headline() : info.event();
    }

    private static Instant sent(AlertView view) {
        return CapTime.parse(view.alert().sent()).toInstant();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlText.writable(value));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href)
            throws XMLStreamException {
        xml.writeStartElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
        xml.writeEndElement();
    }
}
