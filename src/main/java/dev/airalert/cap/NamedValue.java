package dev.airalert.cap;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** CAP's name/value pair, used by eventCode, parameter and geocode. */
@JsonPropertyOrder({"valueName", "value"})
public record NamedValue(String valueName, String value) {
}
