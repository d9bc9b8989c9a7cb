package dev.airalert.cap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A CAP 1.2 {@code <alert>} as data: element names in camelCase, times as the original
 * text (CAP writes UTC as {@code -00:00}, which must survive a round trip), repeated
 * elements as lists. Validation is {@link CapValidator}'s job, not the constructor's, so
 * that every offending field can be reported at once.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"identifier", "sender", "sent", "status", "msgType", "source", "scope",
        "restriction", "addresses", "code", "note", "references", "incidents", "info"})
public record CapAlert(
        String identifier,
        String sender,
        String sent,
        String status,
        String msgType,
        String source,
        String scope,
        String restriction,
        String addresses,
        List<String> code,
        String note,
        String references,
        String incidents,
        List<CapInfo> info) {

    public CapAlert {
        code = code == null ? List.of() : List.copyOf(code);
        info = info == null ? List.of() : List.copyOf(info);
    }

    /** The same alert with only the given infos (used to filter by language). */
    public CapAlert withInfo(List<CapInfo> infos) {
        return new CapAlert(identifier, sender, sent, status, msgType, source, scope,
                restriction, addresses, code, note, references, incidents, infos);
    }
}
