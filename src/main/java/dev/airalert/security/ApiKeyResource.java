package dev.airalert.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

    ApiKeyResource(ApiKeyService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Create an API key", description = "The secret is in this response only.")
    public Response create(@Valid @NotNull CreateApiKeyRequest request, @Context UriInfo uri) {
        CreatedApiKey key = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(key.id().toString()).build())
                .entity(key).build();
    }

    @GET
    @Operation(summary = "List API keys, newest first")
    public List<ApiKeyView> list() {
        return service.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API key", description = "It stops working at once; the record stays.")
    public ApiKeyView revoke(@PathParam("id") UUID id) {
        return service.revoke(id).orElseThrow(NotFoundException::new);
    }
}
