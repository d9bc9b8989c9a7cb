package dev.airalert.subscription;

import dev.airalert.security.Roles;
import dev.airalert.web.ApiDescription;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A subscriber's webhook subscriptions; each key sees and changes only its own. */
@Path("/api/v1/subscriptions")
@RolesAllowed(Roles.SUBSCRIBER)
public class SubscriptionResource {

    private final SubscriptionService service;
    private final SecurityIdentity identity;

    SubscriptionResource(SubscriptionService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Subscribe a webhook URL to alerts of regions or around a point",
            description = "201 with the subscription and its signing secret, shown only here and on rotation.")
    @APIResponse(responseCode = "201", description = "Created: the subscription with its signing secret.",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDescription.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public Response create(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionView created = service.create(owner(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    public List<SubscriptionView> list() {
        return service.list(owner());
    }

    @GET
    @Path("{id}")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return service.get(owner(), id);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a subscription", description = "Absent fields stay as they are.")
    public SubscriptionView patch(@PathParam("id") UUID id, @Valid @NotNull SubscriptionRequest request) {
        return service.patch(owner(), id, request);
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Deleted, with its deliveries.")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(owner(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Issue a new signing secret",
            description = "The previous secret keeps signing (a second signature) for the grace period.")
    public RotatedSecret rotateSecret(@PathParam("id") UUID id) {
        return service.rotateSecret(owner(), id);
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Enable a disabled subscription", description = "Queued deliveries resume.")
    public SubscriptionView enable(@PathParam("id") UUID id) {
        return service.enable(owner(), id);
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }
}
