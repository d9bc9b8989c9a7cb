package dev.airalert.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An approval rule as admins see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalRuleView(UUID id, UUID keyId, String sender, List<String> severities, List<String> msgTypes,
        Instant createdAt, String createdBy) {

    /**
     * A new rule: for one key ({@code keyId}) or one sender ({@code sender}), exactly one of
     * them; {@code severities} (default any) and {@code msgTypes} (default Alert and Update:
     * an all-clear goes out without waiting unless Cancel is listed).
     */
    public record Request(UUID keyId, @Size(max = 1024) String sender,
            @Size(max = 5) List<@NotNull String> severities, @Size(max = 3) List<@NotNull String> msgTypes) {
    }
}
