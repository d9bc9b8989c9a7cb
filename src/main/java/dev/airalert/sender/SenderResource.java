package dev.airalert.sender;

import dev.airalert.security.CurrentCaller;
import dev.airalert.security.Roles;
import dev.airalert.web.ApiDescription;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** Admin API: trusted senders with their certificates, and delegations between senders. */
@Path("/api/v1")
@RolesAllowed(Roles.ADMIN)
public class SenderResource {

    private final TrustedSenders trusted;
    private final Delegations delegations;
    private final CurrentCaller caller;

    SenderResource(TrustedSenders trusted, Delegations delegations, CurrentCaller caller) {
        this.trusted = trusted;
        this.delegations = delegations;
        this.caller = caller;
    }

    @POST
    @Path("trusted-senders")
    @Operation(summary = "Register a trusted sender with its certificates",
            description = "From now on its alerts must be standalone CAP XML with an enveloped XML"
                    + " signature (exclusive C14N, RSA/ECDSA with SHA-256) by one of these certificates"
                    + " (or one issued by a registered CA certificate), valid at receipt.")
    @APIResponse(responseCode = "201", description = "Created: the trusted sender.",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDescription.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrustedSenderView.class)))
    @APIResponse(responseCode = "409", ref = ApiDescription.CONFLICT)
    public Response trust(@Valid @NotNull SenderRequests.Trust request, @Context UriInfo uri) {
        TrustedSenderView view = trusted.trust(request, caller.get());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("trusted-senders")
    @Operation(summary = "List trusted senders and their certificates")
    public List<TrustedSenderView> listTrusted() {
        return trusted.list();
    }

    @GET
    @Path("trusted-senders/{id}")
    @Operation(summary = "One trusted sender")
    public TrustedSenderView getTrusted(@PathParam("id") UUID id) {
        return trusted.get(id);
    }

    @POST
    @Path("trusted-senders/{id}/certificates")
    @Operation(summary = "Add a certificate to a trusted sender (rotation: add the new one, then remove the old)")
    public TrustedSenderView addCertificate(@PathParam("id") UUID id,
            @Valid @NotNull SenderRequests.AddCertificate request) {
        return trusted.addCertificate(id, request.certificate(), caller.get());
    }

    @DELETE
    @Path("trusted-senders/{id}/certificates/{certificateId}")
    @Operation(summary = "Remove a certificate; the sender still has to sign")
    public TrustedSenderView removeCertificate(@PathParam("id") UUID id,
            @PathParam("certificateId") UUID certificateId) {
        return trusted.removeCertificate(id, certificateId, caller.get());
    }

    @DELETE
    @Path("trusted-senders/{id}")
    @Operation(summary = "Stop requiring signatures from this sender")
    @APIResponse(responseCode = "204", description = "No longer trusted.")
    public Response untrust(@PathParam("id") UUID id) {
        trusted.untrust(id, caller.get());
        return Response.noContent().build();
    }

    @POST
    @Path("sender-delegations")
    @Operation(summary = "Let one sender's Update and Cancel messages act on another sender's alerts")
    @APIResponse(responseCode = "201", description = "Created: the delegation.",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDescription.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "409", ref = ApiDescription.CONFLICT)
    public Response delegate(@Valid @NotNull SenderRequests.Delegate request, @Context UriInfo uri) {
        DelegationView view = delegations.delegate(request, caller.get());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Path("sender-delegations")
    @Operation(summary = "List delegations")
    public List<DelegationView> listDelegations() {
        return delegations.list();
    }

    @DELETE
    @Path("sender-delegations/{id}")
    @Operation(summary = "Remove a delegation")
    @APIResponse(responseCode = "204", description = "Removed.")
    public Response removeDelegation(@PathParam("id") UUID id) {
        delegations.remove(id, caller.get());
        return Response.noContent().build();
    }
}
