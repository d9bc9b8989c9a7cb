package dev.airalert.security;

import dev.airalert.web.ApiDescription;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * API key administration (admin role). The API description's security scheme is declared
 * here, where keys come from: an HTTP bearer token, as {@link ApiKeyAuthenticationMechanism}
 * reads it, so that Swagger UI offers an Authorize button. Operations that need a role refer
 * to it by themselves ({@code @RolesAllowed}); reads that show more to a key refer to it as
 * optional.
 */
@Path("/api/v1/api-keys")
@RolesAllowed(Roles.ADMIN)
@SecurityScheme(securitySchemeName = ApiKeyResource.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "API key", description = "An API key, sent as `Authorization: Bearer <key>`. Admins create"
                + " keys (`POST /api/v1/api-keys`); the secret is shown once, when the key is created.")
public class ApiKeyResource {

    /** The name of the API key's security scheme in the API description. */
    public static final String SCHEME = "apiKey";

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
    @APIResponse(responseCode = "201", description = "Created: the key with its secret, shown only here.",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDescription.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedApiKey.class)))
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
