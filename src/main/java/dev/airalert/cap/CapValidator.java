package dev.airalert.cap;

import dev.airalert.web.FieldError;
import dev.airalert.web.XmlText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@link CapAlert} against the rules of CAP 1.2 that a schema cannot express or
 * that the record cannot enforce (required fields, value lists, time and shape syntax,
 * scope-dependent fields). It returns every problem rather than the first, each with the
 * path of the offending field, so a publisher can fix a message in one go. Paths are
 * relative to the alert; the caller prefixes them for alerts inside an envelope.
 */
public final class CapValidator {

    /** No whitespace, comma, {@code <} or {@code &}: references are built from these. */
    private static final Pattern IDENTIFIER = Pattern.compile("[^\\s,<&]+");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");

    private final List<FieldError> errors = new ArrayList<>();

    private CapValidator() {
    }

    /** @return every problem found under the default limits; empty when the alert is valid CAP 1.2 */
    public static List<FieldError> validate(CapAlert alert) {
        return validate(alert, CapLimits.DEFAULTS);
    }

    /**
     * @return every problem found; empty when the alert is valid CAP 1.2 within the limits.
     *     An alert over a count limit gets only those errors, and one with a text too long or
     *     unwritable only the text errors: judging the rest is the very work the limits bound.
     */
    public static List<FieldError> validate(CapAlert alert, CapLimits limits) {
        Objects.requireNonNull(alert, "alert");
        CapValidator v = new CapValidator();
        CapBounds.check(alert, limits, v::error);
        if (v.errors.isEmpty()) {
            v.texts(alert);
        }
        if (v.errors.isEmpty()) {
            v.alert(alert);
        }
        return List.copyOf(v.errors);
    }

    /** Every text fits its column and can be written as XML, or the alert could not be served. */
    private void texts(CapAlert alert) {
        CapTexts.each(alert, (path, text) -> {
            int max = CapLimits.lengthOf(CapTexts.fieldName(path));
            if (text.length() > max) {
                error(path, "must be at most " + max + " characters (has " + text.length() + ")");
            }
            int bad = XmlText.firstIllegal(text);
            if (bad >= 0) {
                error(path, XmlText.refusal(text, bad));
            }
        });
    }

    private void alert(CapAlert a) {
        identifier("identifier", a.identifier());
        identifier("sender", a.sender());
        time("sent", a.sent(), true);
        oneOf("status", a.status(), CapEnums.STATUS);
        oneOf("msgType", a.msgType(), CapEnums.MSG_TYPE);
        oneOf("scope", a.scope(), CapEnums.SCOPE);
        if ("Restricted".equals(a.scope())) {
            required("restriction", a.restriction(), "is required when scope is Restricted");
        }
        if ("Private".equals(a.scope())) {
            required("addresses", a.addresses(), "is required when scope is Private");
        }
        if (CapAddresses.parse(a.addresses()).stream().anyMatch(x -> x.length() > CapAddresses.MAX_LENGTH)) {
            error("addresses", "each address must be at most " + CapAddresses.MAX_LENGTH + " characters");
        }
        for (int i = 0; i < a.code().size(); i++) {
            required("code[" + i + "]", a.code().get(i));
        }
        references(a.references());
        for (int i = 0; i < a.info().size(); i++) {
            info("info[" + i + "]", a.info().get(i));
        }
    }

    private void references(String references) {
        if (references == null) {
            return;
        }
        if (references.isBlank()) {
            error("references", "must list at least one sender,identifier,sent entry when present");
            return;
        }
        List<String> entries = CapReferences.entries(references);
        for (int i = 0; i < entries.size(); i++) {
            Optional<CapReferences.Entry> entry = CapReferences.parse(entries.get(i));
            if (entry.isEmpty() || entry.get().sender().isEmpty() || entry.get().identifier().isEmpty()
                    || !CapTime.isValid(entry.get().sent())) {
                error("references", "entry " + (i + 1) + " (\"" + shortened(entries.get(i))
                        + "\") must be sender,identifier,sent with sent a CAP date-time");
            } else if (entry.get().sender().length() > CapLimits.IDENTIFIER_LENGTH
                    || entry.get().identifier().length() > CapLimits.IDENTIFIER_LENGTH) {
                error("references", "entry " + (i + 1) + ": sender and identifier must be at most "
                        + CapLimits.IDENTIFIER_LENGTH + " characters each");
            }
        }
    }

    /** An entry as quoted back in an error: whole when short, its start when not. */
    private static String shortened(String entry) {
        return entry.length() <= 100 ? entry : entry.substring(0, 100) + "…";
    }

    private void info(String path, CapInfo info) {
        // The length first: the pattern would recurse once per subtag of an absurd tag.
        if (info.language() != null && info.language().length() <= CapLimits.LANGUAGE_LENGTH
                && !LANGUAGE.matcher(info.language()).matches()) {
            error(path + ".language", "must be a language tag such as en-US or uk");
        }
        if (info.category().isEmpty()) {
            error(path + ".category", "at least one category is required; "
                    + CapEnums.oneOf(CapEnums.CATEGORY));
        }
        for (int i = 0; i < info.category().size(); i++) {
            oneOf(path + ".category[" + i + "]", info.category().get(i), CapEnums.CATEGORY);
        }
        required(path + ".event", info.event());
        for (int i = 0; i < info.responseType().size(); i++) {
            oneOf(path + ".responseType[" + i + "]", info.responseType().get(i), CapEnums.RESPONSE_TYPE);
        }
        oneOf(path + ".urgency", info.urgency(), CapEnums.URGENCY);
        oneOf(path + ".severity", info.severity(), CapEnums.SEVERITY);
        oneOf(path + ".certainty", info.certainty(), CapEnums.CERTAINTY);
        namedValues(path + ".eventCode", info.eventCode(), false);
        time(path + ".effective", info.effective(), false);
        time(path + ".onset", info.onset(), false);
        time(path + ".expires", info.expires(), false);
        // Empty is a valid xs:anyURI, and IPAWS sends every optional element, empty or not.
        if (info.web() != null && !info.web().isEmpty() && !isAbsoluteUri(info.web())) {
            error(path + ".web", "must be an absolute URI, e.g. https://example.org/alerts/1");
        }
        namedValues(path + ".parameter", info.parameter(), false);
        for (int i = 0; i < info.resource().size(); i++) {
            resource(path + ".resource[" + i + "]", info.resource().get(i));
        }
        for (int i = 0; i < info.area().size(); i++) {
            area(path + ".area[" + i + "]", info.area().get(i));
        }
    }

    private void resource(String path, CapResource resource) {
        required(path + ".resourceDesc", resource.resourceDesc());
        required(path + ".mimeType", resource.mimeType());
        if (resource.size() != null && !WHOLE_NUMBER.matcher(resource.size()).matches()) {
            error(path + ".size", "must be a whole number of bytes");
        }
    }

    private void area(String path, CapArea area) {
        required(path + ".areaDesc", area.areaDesc());
        boolean polygonsFine = true;
        for (int i = 0; i < area.polygon().size(); i++) {
            String problem = CapGeometry.polygonProblem(area.polygon().get(i));
            problem(path + ".polygon[" + i + "]", problem);
            polygonsFine &= problem == null;
        }
        if (polygonsFine && area.polygon().size() > 1) {
            problem(path + ".polygon", CapGeometry.crossingsProblem(area.polygon()));
        }
        for (int i = 0; i < area.circle().size(); i++) {
            problem(path + ".circle[" + i + "]", CapGeometry.circleProblem(area.circle().get(i)));
        }
        namedValues(path + ".geocode", area.geocode(), true);
        if (area.altitude() != null && !CapGeometry.isDecimal(area.altitude())) {
            error(path + ".altitude", "must be a number (feet above mean sea level)");
        }
        if (area.ceiling() != null && !CapGeometry.isDecimal(area.ceiling())) {
            error(path + ".ceiling", "must be a number (feet above mean sea level)");
        }
        if (area.ceiling() != null && area.altitude() == null) {
            error(path + ".ceiling", "requires altitude");
        }
    }

    /** eventCode and parameter may carry an empty value; a geocode without one locates nothing. */
    private void namedValues(String path, List<NamedValue> values, boolean valueMustHaveText) {
        for (int i = 0; i < values.size(); i++) {
            String at = path + "[" + i + "]";
            NamedValue nv = values.get(i);
            required(at + ".valueName", nv.valueName());
            if (valueMustHaveText) {
                required(at + ".value", nv.value());
            } else if (nv.value() == null) {
                error(at + ".value", "is required (it may be empty)");
            }
        }
    }

    private void identifier(String field, String value) {
        if (required(field, value) && !IDENTIFIER.matcher(value).matches()) {
            error(field, "must not contain spaces, commas, < or &");
        }
    }

    private void time(String field, String value, boolean isRequired) {
        if (value == null) {
            if (isRequired) {
                error(field, "is required; " + CapTime.FORMAT_HINT);
            }
            return;
        }
        problem(field, CapTime.problem(value));
    }

    private void oneOf(String field, String value, List<String> allowed) {
        if (value == null) {
            error(field, "is required; " + CapEnums.oneOf(allowed));
        } else if (!allowed.contains(value)) {
            error(field, CapEnums.oneOf(allowed));
        }
    }

    private boolean required(String field, String value) {
        return required(field, value, "is required");
    }

    /** Tells absent from present-but-empty, because the fix differs. */
    private boolean required(String field, String value, String whenAbsent) {
        if (value == null) {
            error(field, whenAbsent);
            return false;
        }
        if (value.isBlank()) {
            error(field, "must not be empty");
            return false;
        }
        return true;
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void problem(String field, String problem) {
        if (problem != null) {
            error(field, problem);
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
