package dev.airalert.alert;

import dev.airalert.security.CurrentCaller;
import dev.airalert.security.Roles;
import dev.airalert.web.ApiDescription;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Four eyes and prepared cancellations: approval rules (admins), alerts waiting for approval,
 * approving and discarding them, and a Cancel prepared for an alert, sent with one call.
 */
@Path("/api/v1")
public class ApprovalResource {

    private static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final ApprovalRules rules;
    private final Approvals approvals;
    private final PreparedCancels cancels;
    private final CurrentCaller caller;

    ApprovalResource(ApprovalRules rules, Approvals approvals, PreparedCancels cancels, CurrentCaller caller) {
        this.rules = rules;
        this.approvals = approvals;
        this.cancels = cancels;
        this.caller = caller;
    }

    @POST
    @Path("approval-rules")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Require a second person's approval for a key's or a sender's alerts",
            description = "Actual alerts of the rule's msgTypes (default Alert and Update) with an info of"
                    + " its severities (default any) are held as pending-approval.")
    @APIResponse(responseCode = "201", description = "Created: the rule.",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDescription.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalRuleView.class)))
    public Response addRule(@Valid @NotNull ApprovalRuleView.Request request, @Context UriInfo uri) {
        ApprovalRuleView rule = rules.add(request, caller.get());
        return Response.created(uri.getAbsolutePathBuilder().path(rule.id().toString()).build()).entity(rule).build();
    }

    @GET
    @Path("approval-rules")
    @RolesAllowed(Roles.ADMIN)
    public List<ApprovalRuleView> listRules() {
        return rules.list();
    }

    @DELETE
    @Path("approval-rules/{id}")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "204", description = "Removed.")
    public Response removeRule(@PathParam("id") UUID id) {
        rules.remove(id, caller.get());
        return Response.noContent().build();
    }

    @GET
    @Path("approvals")
    @RolesAllowed({Roles.ADMIN, Roles.APPROVER, Roles.PUBLISHER})
    @Operation(summary = "Alerts waiting for approval, oldest first",
            description = "Admins and approvers see all; a publisher sees its own.")
    public AlertList waiting() {
        return new AlertList(approvals.waiting(caller.get()));
    }

    @POST
    @Path("alerts/" + ID + "/approve")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Approve an alert held for a second person",
            description = "By an approver allowed for its sender, held by someone other than its publisher;"
                    + " the alert then goes out at once.")
    @APIResponse(responseCode = "200", description = "Approved: the alert as it went out.")
    @APIResponse(responseCode = "409", ref = ApiDescription.CONFLICT)
    public AlertView approve(@PathParam("id") UUID id) {
        return approvals.approve(id, caller.get());
    }

    @POST
    @Path("alerts/" + ID + "/discard")
    @RolesAllowed({Roles.ADMIN, Roles.APPROVER, Roles.PUBLISHER})
    @Operation(summary = "Discard an alert held for approval", description = "It never goes out.")
    @APIResponse(responseCode = "200", description = "Discarded: the alert, which never goes out.")
    @APIResponse(responseCode = "409", ref = ApiDescription.CONFLICT)
    public AlertView discard(@PathParam("id") UUID id) {
        return approvals.discard(id, caller.get());
    }

    @PUT
    @Path("alerts/" + ID + "/prepared-cancel")
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes({AlertDocumentReader.CAP_XML, MediaType.APPLICATION_XML, MediaType.TEXT_XML,
            MediaType.APPLICATION_JSON})
    @Operation(summary = "Prepare the Cancel of an alert",
            description = "Checked now (valid CAP Cancel naming this alert, a sender this key may publish as,"
                    + " signed if its sender must sign) and kept as the bytes sent.")
    @APIResponse(responseCode = "200", description = "Prepared (replacing one prepared before by this key).")
    @APIResponse(responseCode = "409", ref = ApiDescription.CONFLICT)
    public PreparedCancelView prepare(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @RequestBody(required = true) byte[] body) {
        return cancels.prepare(id, type, body, caller.get());
    }

    @GET
    @Path("alerts/" + ID + "/prepared-cancel")
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER})
    @Operation(summary = "The prepared Cancel of an alert, as it was sent")
    public Response prepared(@PathParam("id") UUID id) {
        PreparedCancel prepared = cancels.find(id, caller.get());
        return Response.ok(prepared.body, prepared.contentType).build();
    }

    @POST
    @Path("alerts/" + ID + "/prepared-cancel/send")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(summary = "Send the prepared Cancel", description = "Published like POST /api/v1/alerts: 201, or 200"
            + " when it was sent before.")
    @APIResponse(responseCode = "201", description = "Sent: the Cancel, which Location names.",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDescription.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "200", description = "Sent before: the stored Cancel, which Content-Location names.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "409", ref = ApiDescription.CONFLICT)
    public Response send(@PathParam("id") UUID id, @Context UriInfo uri) {
        return AlertResource.created(cancels.send(id, caller.get()), uri);
    }
}
