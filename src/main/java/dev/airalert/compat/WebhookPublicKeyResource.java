package dev.airalert.compat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public key that verifies ukrainealarm-style webhook signatures, as PEM, where
 * ukrainealarm serves its own ({@code /webhook-public.pem}); also under the API's base URL,
 * {@code /api/v3/webhook-public.pem} ({@link UkraineAlarmResource}). Public: it proves, it grants nothing.
 */
@Path("/webhook-public.pem")
@Tag(name = "ukrainealarm compatible")
public class WebhookPublicKeyResource {

    static final String PEM = "application/x-pem-file";

    private final WebhookKeys keys;

    WebhookPublicKeyResource(WebhookKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces(PEM)
    @Operation(summary = "The public key that verifies ukrainealarm-style webhook signatures (PEM)")
    public String publicKey() {
        return keys.publicPem();
    }
}
