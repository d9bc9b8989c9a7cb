package dev.airalert.subscription;

import dev.airalert.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** For admins: the subscriptions a key owns, and why any of them stopped (a revoked key's say so). */
@Path("/api/v1/api-keys/{keyId}/subscriptions")
@RolesAllowed(Roles.ADMIN)
public class KeySubscriptionsResource {

    private final SubscriptionService service;

    KeySubscriptionsResource(SubscriptionService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "The subscriptions a key owns (admin)")
    public List<SubscriptionView> list(@PathParam("keyId") UUID keyId) {
        return service.list(keyId.toString());
    }
}
