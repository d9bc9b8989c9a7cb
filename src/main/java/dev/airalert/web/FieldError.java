package dev.airalert.web;

/**
 * One thing wrong with a request: for an alert, {@code field} is a path into the CAP structure
 * in the JSON spelling ({@code info[0].area[1].polygon[0]}), so a publisher can find it in
 * either format.
 */
public record FieldError(String field, String message) {

    /** {@code field} located under {@code prefix} ("" for the top): {@code contentObject[1].alert.scope}. */
    public static String join(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** "field: message; field: message", for logs and the audit trail. */
    public static String describe(java.util.List<FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }
}
