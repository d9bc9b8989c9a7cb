package dev.airalert.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an admin sends to create a key. {@code senders} is required for publisher and
 * approver keys: exact CAP senders, patterns with {@code *}, or {@code "*"} for a trusted
 * aggregator. {@code regions} (codes or names) bounds where a publisher may alert;
 * {@code addresses} are the CAP addresses whose Restricted and Private alerts the key may
 * read; {@code publishesPerMinute} overrides the configured publish limit for this key.
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String holder,
        @NotEmpty List<@NotNull @Pattern(regexp = "publisher|subscriber|approver|admin|monitor|reader",
                message = "must be publisher, subscriber, approver, admin, monitor or reader") String> roles,
        @Size(max = 100) List<String> senders,
        @Size(max = 200) List<@NotBlank @Size(max = 100) String> regions,
        @Size(max = 100) List<@NotBlank @Size(max = 1024) String> addresses,
        @Positive @Max(1_000_000) Integer publishesPerMinute) {
}
