package dev.airalert.cap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A CAP 1.2 {@code <resource>}: a file that belongs to the notice (image, audio, map). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"resourceDesc", "mimeType", "size", "uri", "derefUri", "digest"})
public record CapResource(
        String resourceDesc,
        String mimeType,
        String size,
        String uri,
        String derefUri,
        String digest) {
}
