package dev.airalert.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What an admin may change on a key; absent fields stay as they are. Roles do not change: make a new key. */
public record UpdateApiKeyRequest(
        @Size(min = 1, max = 200) String name,
        @Size(min = 1, max = 200) String holder,
        @Size(max = 100) List<String> senders,
        @Size(max = 200) List<String> regions,
        @Size(max = 100) List<String> addresses,
        @Positive @Max(1_000_000) Integer publishesPerMinute) {
}
