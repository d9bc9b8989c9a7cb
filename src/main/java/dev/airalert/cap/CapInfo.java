package dev.airalert.cap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A CAP 1.2 {@code <info>} block: one language's version of the notice. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"language", "category", "event", "responseType", "urgency", "severity",
        "certainty", "audience", "eventCode", "effective", "onset", "expires", "senderName",
        "headline", "description", "instruction", "web", "contact", "parameter", "resource",
        "area"})
public record CapInfo(
        String language,
        List<String> category,
        String event,
        List<String> responseType,
        String urgency,
        String severity,
        String certainty,
        String audience,
        List<NamedValue> eventCode,
        String effective,
        String onset,
        String expires,
        String senderName,
        String headline,
        String description,
        String instruction,
        String web,
        String contact,
        List<NamedValue> parameter,
        List<CapResource> resource,
        List<CapArea> area) {

    /** CAP's default when {@code <language>} is absent. */
    public static final String DEFAULT_LANGUAGE = "en-US";

    public CapInfo {
        category = category == null ? List.of() : List.copyOf(category);
        responseType = responseType == null ? List.of() : List.copyOf(responseType);
        eventCode = eventCode == null ? List.of() : List.copyOf(eventCode);
        parameter = parameter == null ? List.of() : List.copyOf(parameter);
        resource = resource == null ? List.of() : List.copyOf(resource);
        area = area == null ? List.of() : List.copyOf(area);
    }

    /** The language of this block, CAP's default applied. */
    public String effectiveLanguage() {
        return language == null || language.isBlank() ? DEFAULT_LANGUAGE : language;
    }
}
