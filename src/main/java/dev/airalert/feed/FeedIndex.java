package dev.airalert.feed;

import dev.airalert.Sha256;
import dev.airalert.cap.CapFormatException;
import dev.airalert.cap.CapVersion;
import dev.airalert.cap.CapXmlReader;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a feed's body into the CAP messages it lists, in the order they are to be ingested
 * (oldest first: indexes list the newest first). An Atom entry gives its link typed
 * {@code application/cap+xml} (any {@code rel}), else its first alternate link that is not a web
 * page, else a CAP alert carried as its content; an RSS item its enclosure typed as CAP, else its
 * link. An entry with none of these is listed too, so that the feed's status says so. The index
 * is parsed as locked down as an alert is.
 */
final class FeedIndex {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    /**
     * One message the feed lists: a link to fetch ({@code url}), a CAP document carried in the
     * entry ({@code carried}), or neither ({@code missing} says what the entry lacks). {@code key}
     * names it among the feed's messages for good: the URL's digest, or the carried document's.
     */
    record Item(String key, String url, byte[] carried, String missing) {

        static Item link(String url) {
            return new Item(Sha256.hex("link\n" + url), url, null, null);
        }

        static Item carried(byte[] document) {
            return new Item(Sha256.hex(document), null, document, null);
        }

        static Item without(String entryId, String missing) {
            return new Item(Sha256.hex("entry\n" + entryId), null, null, missing);
        }
    }

    /** The index cannot be read: the poll fails with this message. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private FeedIndex() {
    }

    /**
     * @param base the URL the body came from, against which relative links are resolved
     */
    static List<Item> read(FeedFormat format, byte[] body, String base) {
        if (format == FeedFormat.CAP) {
            return List.of(Item.carried(body));
        }
        Document document;
        try {
            document = CapXmlReader.parseUntrusted(body);
        } catch (CapFormatException e) {
            throw new Unreadable("the index " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        List<Item> items = format == FeedFormat.ATOM ? atom(root, base) : rss(root, base);
        // Indexes list the newest first; an Update is best taken after what it updates.
        List<Item> oldestFirst = new ArrayList<>(items);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static List<Item> atom(Element root, String base) {
        if (!ATOM.equals(root.getNamespaceURI()) || !"feed".equals(root.getLocalName())) {
            throw new Unreadable("the index is not an Atom feed (its root is <" + root.getNodeName() + ">)");
        }
        List<Item> items = new ArrayList<>();
        for (Element entry : children(root, ATOM, "entry")) {
            String entryName = identity(text(first(entry, ATOM, "id")), entry);
            String href = capLink(entry);
            if (href != null) {
                String url = resolve(base, href);
                items.add(url != null ? Item.link(url) : Item.without(entryName, "its link '" + href + "' is not a URL"));
                continue;
            }
            Element alert = carriedAlert(first(entry, ATOM, "content"));
            items.add(alert != null ? Item.carried(serialize(alert))
                    : Item.without(entryName, "the entry links to no CAP message and carries none"));
        }
        return items;
    }

    /** The entry's link to its CAP message, or null. */
    private static String capLink(Element entry) {
        String alternate = null;
        for (Element link : children(entry, ATOM, "link")) {
            String href = link.getAttribute("href").trim();
            if (href.isEmpty()) {
                continue;
            }
            String type = link.getAttribute("type").toLowerCase(Locale.ROOT);
            if (type.contains("cap+xml")) {
                return href;
            }
            String rel = link.getAttribute("rel");
            if (alternate == null && (rel.isEmpty() || rel.equals("alternate")) && !type.startsWith("text/html")) {
                alternate = href;
            }
        }
        return alternate;
    }

    private static Element carriedAlert(Element content) {
        if (content == null) {
            return null;
        }
        for (Element child : children(content, null, null)) {
            if ("alert".equals(child.getLocalName()) && CapVersion.ofNamespace(child.getNamespaceURI()) != null) {
                return child;
            }
        }
        return null;
    }

    private static List<Item> rss(Element root, String base) {
        Element channel = "rss".equals(root.getLocalName()) ? first(root, null, "channel") : null;
        if (channel == null) {
            throw new Unreadable("the index is not an RSS 2.0 feed (no <rss><channel>; its root is <"
                    + root.getNodeName() + ">)");
        }
        List<Item> items = new ArrayList<>();
        for (Element item : children(channel, null, "item")) {
            String itemName = identity(text(first(item, null, "guid")), item);
            String href = null;
            for (Element enclosure : children(item, null, "enclosure")) {
                if (enclosure.getAttribute("type").toLowerCase(Locale.ROOT).contains("cap")
                        && !enclosure.getAttribute("url").isBlank()) {
                    href = enclosure.getAttribute("url").trim();
                    break;
                }
            }
            if (href == null) {
                href = text(first(item, null, "link"));
            }
            if (href == null) {
                items.add(Item.without(itemName, "the item links to no CAP message"));
                continue;
            }
            String url = resolve(base, href);
            items.add(url != null ? Item.link(url) : Item.without(itemName, "its link '" + href + "' is not a URL"));
        }
        return items;
    }

    /**
     * What names an entry for good: its id, else what it says (not its place in the index, which
     * moves as entries come and go).
     */
    private static String identity(String id, Element entry) {
        return id != null ? "id " + id : "text " + Sha256.hex(entry.getTextContent());
    }

    /** The link as an absolute URL, or null when it is not one. */
    private static String resolve(String base, String href) {
        try {
            URI resolved = new URI(base).resolve(new URI(href.trim()));
            return resolved.isAbsolute() ? resolved.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The alert element as a document of its own, in UTF-8, with the namespaces it uses declared. */
    private static byte[] serialize(Element alert) {
        try {
            TransformerFactory factory = TransformerFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(alert), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new Unreadable("an entry's CAP content could not be written out: " + e.getMessage());
        }
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    private static Element first(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Child elements, of this namespace (null: any, for RSS, which has none) and local name (null: any). */
    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || name.equals(e.getLocalName()))
                    && (namespace == null || namespace.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }
}
