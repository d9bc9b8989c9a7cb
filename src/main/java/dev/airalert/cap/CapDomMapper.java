package dev.airalert.cap;

import dev.airalert.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns one CAP {@code <alert>} element into a {@link CapAlert}, noting every element that CAP
 * does not allow where it was found instead of stopping at the first, so that a publisher sees
 * the whole list at once. Element order, how often each may occur and stray text are the
 * schema's to judge ({@link CapSchemas}); these errors add the names of every element that does
 * not belong, where the schema stops at the first.
 *
 * <p>CAP 1.1 and 1.0 alerts are read into the same CAP 1.2 model, with these differences
 * mapped (everything else is the same element for element):
 * <ul>
 * <li>1.1 and 1.0: a resource without {@code mimeType} (1.2 requires one) gets
 *     {@code application/octet-stream}; times in xs:dateTime's wider form are written as
 *     CAP 1.2 writes them ({@code Z} as {@code -00:00}, fractions of a second dropped), the
 *     {@code sent} of each reference too; an empty
 *     {@code references}, {@code incidents}, {@code polygon} or {@code circle}, which NWS sent for
 *     years, is read as absent.</li>
 * <li>1.0: {@code eventCode}, {@code parameter} and {@code geocode} are {@code valueName=value}
 *     strings, split at the first {@code =}; certainty {@code Very Likely} is {@code Likely}
 *     (as CAP 1.1 redefined it); {@code password} is dropped, never stored in the model.</li>
 * </ul>
 * What has no CAP 1.2 counterpart stays refused by the semantic rules: a 1.0 alert without
 * {@code scope}, a time without a zone. The original bytes keep what was sent.
 */
final class CapDomMapper {

    private static final Set<String> ALERT_SINGLE = Set.of("identifier", "sender", "sent", "status",
            "msgType", "source", "scope", "restriction", "addresses", "note", "references", "incidents");
    private static final Set<String> ALERT_REPEATED = Set.of("code", "info");
    private static final Set<String> INFO_SINGLE = Set.of("language", "event", "urgency", "severity",
            "certainty", "audience", "effective", "onset", "expires", "senderName", "headline",
            "description", "instruction", "web", "contact");
    private static final Set<String> INFO_REPEATED = Set.of("category", "responseType", "eventCode",
            "parameter", "resource", "area");
    private static final Set<String> RESOURCE_SINGLE = Set.of("resourceDesc", "mimeType", "size",
            "uri", "derefUri", "digest");
    private static final Set<String> AREA_SINGLE = Set.of("areaDesc", "altitude", "ceiling");
    private static final Set<String> AREA_REPEATED = Set.of("polygon", "circle", "geocode");
    private static final Set<String> NAMED_VALUE_SINGLE = Set.of("valueName", "value");
    /** Every CAP element that may repeat, whose field paths carry an index. */
    static final Set<String> REPEATED = union(ALERT_REPEATED, INFO_REPEATED, AREA_REPEATED);

    /** CAP 1.2 requires a resource's media type; one not named is, as RFC 2046 has it, unknown bytes. */
    static final String UNNAMED_MIME_TYPE = "application/octet-stream";

    private final List<FieldError> errors = new ArrayList<>();
    private final CapVersion version;
    private boolean signed;

    private CapDomMapper(CapVersion version) {
        this.version = version;
    }

    /**
     * @param alert    a {@code <alert>} element in the namespace of {@code version}
     * @param original the bytes to keep with the alert, or null
     * @param path     "" for a bare alert, else the envelope path that prefixes every error
     */
    static ParsedCap read(Element alert, byte[] original, String path, CapVersion version) {
        CapDomMapper mapper = new CapDomMapper(version);
        if (CapXmlReader.childElements(alert).isEmpty()) {
            // An empty <alert/> would otherwise show up only as a list of missing fields.
            mapper.errors.add(new FieldError(path.isEmpty() ? "alert" : path,
                    "is empty; must contain a " + version + " alert"));
        }
        CapAlert mapped = mapper.alert(alert, path);
        // The schema's first violation leads: it says what is out of order or out of place, where
        // the errors below name every element that does not belong.
        version.schema().firstViolation(alert, path).ifPresent(violation -> mapper.errors.add(0, violation));
        return new ParsedCap(mapped, original, path, mapper.errors, mapper.signed, version);
    }

    private boolean older() {
        return version != CapVersion.V1_2;
    }

    /** A time as CAP 1.2 writes it (older versions allow xs:dateTime's wider form). */
    private String time(String text) {
        return older() ? CapTime.fromXsdDateTime(text) : text;
    }

    /**
     * The {@code sent} of each {@code sender,identifier,sent} an older version references, as CAP
     * 1.2 writes it (as the alert's own {@code sent} is); entries of another form are left to the
     * validator to name.
     */
    private String references(String text) {
        if (!older() || text == null) {
            return text;
        }
        List<String> entries = new ArrayList<>();
        for (String entry : text.trim().split("\\s+")) {
            int last = entry.lastIndexOf(',');
            entries.add(last < 0 ? entry : entry.substring(0, last + 1) + CapTime.fromXsdDateTime(entry.substring(last + 1)));
        }
        return String.join(" ", entries);
    }

    /** An empty references or incidents of an older version is read as none. */
    private String list(String text) {
        return older() && text != null && text.isEmpty() ? null : text;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    private CapAlert alert(Element element, String path) {
        Fields f = new Fields(element, path, "alert", ALERT_SINGLE, ALERT_REPEATED);
        List<CapInfo> infos = new ArrayList<>();
        List<Element> infoElements = f.all("info");
        for (int i = 0; i < infoElements.size(); i++) {
            infos.add(info(infoElements.get(i), f.indexed("info", i)));
        }
        return new CapAlert(f.text("identifier"), f.text("sender"), time(f.text("sent")), f.text("status"),
                f.text("msgType"), f.text("source"), f.text("scope"), f.text("restriction"),
                f.text("addresses"), f.texts("code"), f.text("note"), references(list(f.text("references"))),
                list(f.text("incidents")), infos);
    }

    private CapInfo info(Element element, String path) {
        Fields f = new Fields(element, path, "info", INFO_SINGLE, INFO_REPEATED);
        List<CapResource> resources = new ArrayList<>();
        List<Element> resourceElements = f.all("resource");
        for (int i = 0; i < resourceElements.size(); i++) {
            Fields r = new Fields(resourceElements.get(i), f.indexed("resource", i), "resource",
                    RESOURCE_SINGLE, Set.of());
            String mimeType = r.text("mimeType");
            resources.add(new CapResource(r.text("resourceDesc"),
                    mimeType == null && older() ? UNNAMED_MIME_TYPE : mimeType, r.text("size"),
                    r.text("uri"), r.text("derefUri"), r.text("digest")));
        }
        List<CapArea> areas = new ArrayList<>();
        List<Element> areaElements = f.all("area");
        for (int i = 0; i < areaElements.size(); i++) {
            Fields a = new Fields(areaElements.get(i), f.indexed("area", i), "area",
                    AREA_SINGLE, AREA_REPEATED);
            areas.add(new CapArea(a.text("areaDesc"), shapes(a.texts("polygon")), shapes(a.texts("circle")),
                    a.namedValues("geocode"), a.text("altitude"), a.text("ceiling")));
        }
        return new CapInfo(language(f.text("language")), f.texts("category"), f.text("event"),
                f.texts("responseType"), f.text("urgency"), f.text("severity"), certainty(f.text("certainty")),
                f.text("audience"), f.namedValues("eventCode"), time(f.text("effective")), time(f.text("onset")),
                time(f.text("expires")), f.text("senderName"), f.text("headline"), f.text("description"),
                f.text("instruction"), f.text("web"), f.text("contact"), f.namedValues("parameter"),
                resources, areas);
    }

    /** An empty polygon or circle of an older version (NWS sent them for years) is none. */
    private List<String> shapes(List<String> texts) {
        return older() ? texts.stream().filter(t -> !t.isEmpty()).toList() : texts;
    }

    /** CAP 1.1 folded 1.0's "Very Likely" into "Likely". */
    private String certainty(String text) {
        return version == CapVersion.V1_0 && "Very Likely".equals(text) ? "Likely" : text;
    }

    /**
     * The schema gives {@code language} the default {@code en-US}, which an empty element takes
     * as an absent one does: the empty element is read as absent.
     */
    private static String language(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The CAP children of one element, grouped by name, with misplaced ones reported. */
    private final class Fields {
        private final String path;
        private final Map<String, List<Element>> byName = new LinkedHashMap<>();

        Fields(Element parent, String path, String parentName, Set<String> single, Set<String> repeated) {
            this.path = path;
            for (Element child : CapXmlReader.childElements(parent)) {
                String name = child.getLocalName();
                String namespace = child.getNamespaceURI();
                if (!version.namespace().equals(namespace)) {
                    // CAP places the enveloped signature directly under <alert>; it is kept
                    // in the original bytes, not in the record.
                    if (!(CapNamespaces.XML_DSIG.equals(namespace) && "alert".equals(parentName))) {
                        error(name, "is not a " + version + " element (namespace "
                                + (namespace == null ? "none" : namespace) + ")");
                    } else {
                        signed = true;
                        foreignInSignature(child).ifPresent(foreign -> error(name, "holds " + foreign
                                + ", which is not XML Signature markup: a signature may carry nothing else"));
                    }
                } else if (version == CapVersion.V1_0 && "password".equals(name) && "alert".equals(parentName)) {
                    // CAP 1.0's password, reserved and unused: not carried into the model.
                    continue;
                } else if (!single.contains(name) && !repeated.contains(name)) {
                    error(name, "is not a " + version + " element of " + parentName);
                } else {
                    List<Element> seen = byName.computeIfAbsent(name, n -> new ArrayList<>());
                    if (seen.size() == 1 && single.contains(name)) {
                        error(name, "must appear at most once");
                    }
                    seen.add(child);
                }
            }
        }

        List<Element> all(String name) {
            return byName.getOrDefault(name, List.of());
        }

        /** The text of a single-valued element: "" when empty, null when absent. */
        String text(String name) {
            List<Element> found = all(name);
            return found.isEmpty() ? null : leafText(found.get(0), child(path, name));
        }

        List<String> texts(String name) {
            List<String> out = new ArrayList<>();
            List<Element> found = all(name);
            for (int i = 0; i < found.size(); i++) {
                out.add(leafText(found.get(i), indexed(name, i)));
            }
            return out;
        }

        List<NamedValue> namedValues(String name) {
            List<NamedValue> out = new ArrayList<>();
            List<Element> found = all(name);
            for (int i = 0; i < found.size(); i++) {
                if (version == CapVersion.V1_0) {
                    // CAP 1.0 writes the pair as one string.
                    String text = leafText(found.get(i), indexed(name, i));
                    int eq = text.indexOf('=');
                    if (eq < 0) {
                        errors.add(new FieldError(indexed(name, i), "must be valueName=value in CAP 1.0"));
                    } else {
                        out.add(new NamedValue(text.substring(0, eq).trim(), text.substring(eq + 1).trim()));
                    }
                    continue;
                }
                Fields pair = new Fields(found.get(i), indexed(name, i), name, NAMED_VALUE_SINGLE, Set.of());
                out.add(new NamedValue(pair.text("valueName"), pair.text("value")));
            }
            return out;
        }

        String indexed(String name, int index) {
            return child(path, name) + "[" + index + "]";
        }

        private void error(String name, String message) {
            errors.add(new FieldError(child(path, name), message));
        }
    }

    /**
     * The first element inside a signature that is not XML Signature markup, if any: content
     * hidden in a signature travels with the alert unseen and unsigned (the enveloped
     * signature removes itself, with whatever it holds, before digesting).
     */
    private static java.util.Optional<String> foreignInSignature(Element signature) {
        for (Element e : CapXmlReader.childElements(signature)) {
            String namespace = e.getNamespaceURI();
            if (!CapNamespaces.XML_DSIG.equals(namespace) && !CapNamespaces.XML_DSIG_11.equals(namespace)) {
                return java.util.Optional.of("<" + e.getNodeName() + "> (namespace "
                        + (namespace == null ? "none" : namespace) + ")");
            }
            java.util.Optional<String> deeper = foreignInSignature(e);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return java.util.Optional.empty();
    }

    private String leafText(Element element, String path) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                errors.add(new FieldError(path, "must contain text, not elements"));
                break;
            }
        }
        // trim() removes exactly the XML whitespace characters (and nothing a real value needs).
        return element.getTextContent().trim();
    }

    private static String child(String path, String name) {
        return FieldError.join(path, name);
    }
}
