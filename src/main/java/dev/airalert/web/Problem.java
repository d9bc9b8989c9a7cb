package dev.airalert.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a relative URI naming the kind of
 * problem (listed in docs/api.md#errors); {@code errors} lists every offending field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem an exception stands for; {@code instance} names where it happened. */
    public static Problem of(ProblemException e, String instance) {
        return new Problem(e.type(), e.title(), e.status(), e.getMessage(), instance, e.errors());
    }
}
