package dev.airalert.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** API key administration (admin role). */
@Path("/api/v1/api-keys")
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

    private final ApiKeyService service;
    private final CurrentCaller caller;

    ApiKeyResource(ApiKeyService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create an API key",
            description = "The secret is in this response only. Publisher and approver keys need"
                    + " 'senders'; 'holder' names the person or system holding the key.")
    public Response create(@Valid @NotNull CreateApiKeyRequest request, @Context UriInfo uri) {
        CreatedApiKey key = service.create(request, caller.get());
        return Response.created(uri.getAbsolutePathBuilder().path(key.id().toString()).build())
                .entity(key).build();
    }

    @GET
    @Operation(summary = "List API keys, newest first")
    public List<ApiKeyView> list() {
        return service.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One API key")
    public ApiKeyView get(@PathParam("id") UUID id) {
        return service.get(id).orElseThrow(NotFoundException::new);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a key's name, holder, senders, regions, addresses or publish limit",
            description = "Absent fields stay as they are; roles cannot change (create a new key).")
    public ApiKeyView update(@PathParam("id") UUID id, @Valid @NotNull UpdateApiKeyRequest request) {
        return service.update(id, request, caller.get()).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API key",
            description = "It stops working at once, and so does what it owns: its subscriptions"
                    + " stop receiving (they say why) and its open streams close. The record stays.")
    public ApiKeyView revoke(@PathParam("id") UUID id) {
        return service.revoke(id, caller.get()).orElseThrow(NotFoundException::new);
    }
}
