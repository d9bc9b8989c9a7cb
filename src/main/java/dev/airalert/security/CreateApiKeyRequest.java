package dev.airalert.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an admin sends to create a key. */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty List<@Pattern(regexp = "publisher|subscriber|admin",
                message = "must be publisher, subscriber or admin") String> roles) {
}
