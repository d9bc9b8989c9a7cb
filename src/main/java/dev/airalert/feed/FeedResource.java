package dev.airalert.feed;

import dev.airalert.security.CurrentCaller;
import dev.airalert.security.Roles;
import dev.airalert.web.ApiDescription;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

/** Admin API: the CAP feeds the service polls, and how polling each goes. */
@Path("/api/v1/feeds")
@RolesAllowed(Roles.ADMIN)
public class FeedResource {

    private final Feeds feeds;
    private final CurrentCaller caller;

    FeedResource(Feeds feeds, CurrentCaller caller) {
        this.feeds = feeds;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Poll a CAP feed",
            description = "An Atom or RSS index of CAP messages (each linked, or carried in an Atom entry), or one CAP"
                    + " document, polled every pollIntervalSeconds (5 to 3600) with conditional GET. Each message it"
                    + " lists is fetched once and published as the publisherKey (a publisher bound to named senders)"
                    + " would publish it: the same validation, sender rules and lifecycle. The URL follows the rules"
                    + " of webhook targets.")
    @APIResponse(responseCode = "201", description = "Created: the feed, due at once.",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDescription.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedView.class)))
    @APIResponse(responseCode = "409", ref = ApiDescription.CONFLICT)
    public Response add(@Valid @NotNull FeedRequests.Add request, @Context UriInfo uri) {
        FeedView view = feeds.add(request, caller.get());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @Operation(summary = "The feeds, each with its status")
    public List<FeedView> list() {
        return feeds.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One feed and its status: last poll, last change, last error, counts")
    public FeedView get(@PathParam("id") UUID id) {
        return feeds.get(id);
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "The messages a feed listed and what became of each, the last settled first",
            description = "outcome: ingested, repeated, refused (with the problem), failing (tried again while listed)"
                    + " or abandoned. limit: 1 to 500, default 100.")
    public List<FeedView.Message> messages(@PathParam("id") UUID id, @QueryParam("limit") @DefaultValue("100") int limit) {
        return feeds.messages(id, limit);
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Pause or resume a feed, or change how often it is polled")
    public FeedView change(@PathParam("id") UUID id, @Valid @NotNull FeedRequests.Change request) {
        return feeds.change(id, request, caller.get());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Stop polling a feed; the alerts it brought stay")
    @APIResponse(responseCode = "204", description = "Removed.")
    public Response remove(@PathParam("id") UUID id) {
        feeds.remove(id, caller.get());
        return Response.noContent().build();
    }
}
