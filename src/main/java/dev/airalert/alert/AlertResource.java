package dev.airalert.alert;

import dev.airalert.security.ApiKeyResource;
import dev.airalert.security.CurrentCaller;
import dev.airalert.security.Roles;
import dev.airalert.web.ApiDescription;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/**
 * Publish, read and search alerts. Reading needs no key (with one, a reader also sees the
 * Restricted and Private alerts addressed to it); publishing needs the publisher role.
 */
@Path("/api/v1")
public class AlertResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final MediaType CAP_XML = MediaType.valueOf(AlertDocumentReader.CAP_XML);

    private final AlertService service;
    private final AlertHistory history;
    private final AlertDocumentReader reader;
    private final AlertQueryParser queries;
    private final CurrentCaller caller;

    AlertResource(AlertService service, AlertHistory history, AlertDocumentReader reader,
            AlertQueryParser queries, CurrentCaller caller) {
        this.service = service;
        this.history = history;
        this.reader = reader;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Path("alerts")
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes({AlertDocumentReader.CAP_XML, MediaType.APPLICATION_XML, MediaType.TEXT_XML,
            MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish an alert",
            description = "CAP 1.2 XML (a bare alert or an EDXL-DE envelope of alerts) or its JSON"
                    + " mirror. 201 when stored; 200 when the same alert was already stored;"
                    + " 409 when its (sender, identifier) is taken by different content.")
    @APIResponse(responseCode = "201", description = "Stored: the alert, which Location names (an envelope's"
            + " alerts: a list under items, without Location).",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDescription.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {AlertView.class, AlertList.class})))
    @APIResponse(responseCode = "200", description = "Stored before, with the same content: the stored alert,"
            + " which Content-Location names.",
            headers = @Header(name = HttpHeaders.CONTENT_LOCATION, description = "The URL of the stored alert.",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {AlertView.class, AlertList.class})))
    @APIResponse(responseCode = "409", ref = ApiDescription.CONFLICT)
    public Response publish(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @RequestBody(required = true) byte[] body, @Context UriInfo uri) {
        return created(service.publish(reader.read(type, body), caller.get()), uri);
    }

    /**
     * 201 with Location when the request stored something new, 200 for an identical repeat; a list
     * for an envelope's alerts, even one.
     */
    static Response created(List<AlertService.Published> published, UriInfo uri) {
        boolean created = published.stream().anyMatch(AlertService.Published::created);
        if (published.size() > 1 || published.get(0).enveloped()) {
            return Response.status(created ? 201 : 200)
                    .entity(new AlertList(published.stream().map(AlertService.Published::view).toList()))
                    .build();
        }
        AlertService.Published one = published.get(0);
        URI location = uri.getBaseUriBuilder().path("api/v1/alerts/{id}").build(one.view().id());
        return (one.created() ? Response.created(location) : Response.ok().contentLocation(location))
                .entity(one.view()).build();
    }

    @GET
    @Path("alerts/{id: " + UUID_PATTERN + "}")
    @Produces({MediaType.APPLICATION_JSON, AlertDocumentReader.CAP_XML, MediaType.APPLICATION_XML})
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiKeyResource.SCHEME))
    @Operation(summary = "One alert",
            description = "JSON by default; with Accept: application/cap+xml the CAP XML, byte for"
                    + " byte as published (in its CAP version, with the charset it was sent in) when it was"
                    + " published as CAP XML.")
    public Response get(@PathParam("id") UUID id, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Response.ok(history.read(id, lang, readers()).orElseThrow(NotFoundException::new),
                        MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (accepted.isCompatible(CAP_XML) || accepted.isCompatible(MediaType.APPLICATION_XML_TYPE)) {
                return capXml(id);
            }
        }
        throw new NotAcceptableException();
    }

    @GET
    @Path("alerts/{id: " + UUID_PATTERN + "}.xml")
    @Produces(AlertDocumentReader.CAP_XML)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiKeyResource.SCHEME))
    @Operation(summary = "One alert as CAP XML", description = "The link CAP feeds point to.")
    public Response getCapXml(@PathParam("id") UUID id) {
        return capXml(id);
    }

    @GET
    @Path("alerts")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiKeyResource.SCHEME))
    @Operation(summary = "Search history, newest first",
            description = "Filters: region, event, severity or minSeverity (at least), urgency, certainty,"
                    + " status (default Actual), msgType, sender, active, since, until, lang; limit"
                    + " (default 50, max 500) and cursor from the previous page's 'next'.")
    public AlertPage search(@Context UriInfo uri) {
        return history.search(queries.parse(uri.getQueryParameters()), readers());
    }

    @GET
    @Path("alerts.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "Recent alerts as an Atom feed",
            description = "Takes the same filters as the history search; entries link to CAP XML.")
    public Response atom(@Context UriInfo uri) {
        // Feed readers are anonymous: the feed carries what anyone may read, whoever asks.
        AlertPage page = history.search(queries.parse(uri.getQueryParameters()), Readers.anonymous());
        return Response.ok(AtomFeed.write(page, uri.getBaseUri(), uri.getRequestUri()),
                "application/atom+xml;charset=UTF-8").build();
    }

    private Response capXml(UUID id) {
        AlertHistory.CapXml xml = history.readCapXml(id, readers()).orElseThrow(NotFoundException::new);
        return Response.ok(xml.bytes(), xml.charset() == null ? CAP_XML : CAP_XML.withCharset(xml.charset())).build();
    }

    private Readers readers() {
        return new Readers(caller.get());
    }
}
