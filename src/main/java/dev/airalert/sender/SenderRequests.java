package dev.airalert.sender;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What admins send to register trusted senders, their certificates and delegations. */
public final class SenderRequests {

    private SenderRequests() {
    }

    /** A sender that must sign, with its first certificates (PEM). */
    public record Trust(@NotBlank @Size(max = 1024) String sender,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 20_000) String> certificates) {
    }

    /** One more certificate (PEM) for a trusted sender. */
    public record AddCertificate(@NotNull @NotBlank @Size(max = 20_000) String certificate) {
    }

    /** Messages of {@code sender} may update or cancel alerts of {@code actsFor}. */
    public record Delegate(@NotBlank @Size(max = 1024) String sender, @NotBlank @Size(max = 1024) String actsFor) {
    }
}
