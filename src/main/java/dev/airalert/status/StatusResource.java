package dev.airalert.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/v1/status}: the state of a selection of regions in one small response, by
 * default the oblast level the map draws; {@code GET /api/v1/status/order}: the codes of a
 * selection in the order the compact form lists them. See {@link StatusParameters} for the query.
 */
@Path("/api/v1/status")
public class StatusResource {

    /** The selection's parameters, as both the status and its order read them. */
    private static final String LEVEL = "oblast, raion, hromada; comma-separated for several";
    private static final String WITHIN = "Only the regions inside this one (code or name), by default its raions"
            + " and hromadas";

    /** The response body: region code to state, in code order. */
    public record Status(Map<String, RegionState> regions) {
    }

    /** The regions of a selection, in the order of the compact form. */
    public record Order(List<String> codes) {
    }

    static final MediaType TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset(StandardCharsets.US_ASCII.name());

    private final RegionStatus status;
    private final StatusOrder order;
    private final StatusParameters parameters;
    private final ObjectMapper json;

    StatusResource(RegionStatus status, StatusOrder order, StatusParameters parameters, ObjectMapper json) {
        this.status = status;
        this.order = order;
        this.parameters = parameters;
        this.json = json;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "The state of regions now (none, active, partial), with the events and the reason",
            description = "By default the oblast level (countries, oblasts, cities with special status, Crimea,"
                    + " foreign regions). Send If-None-Match with the last ETag to get 304 when nothing changed.")
    @Parameter(name = StatusParameters.LEVEL, in = ParameterIn.QUERY, description = LEVEL)
    @Parameter(name = StatusParameters.WITHIN, in = ParameterIn.QUERY, description = WITHIN)
    @Parameter(name = StatusParameters.FORMAT, in = ParameterIn.QUERY,
            description = "json (default) or compact: text, one character per region (A active, P partial,"
                    + " N none) in the order of GET /api/v1/status/order")
    @APIResponse(responseCode = "200", description = "The regions' states, or the compact string", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Status.class)),
        @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING,
                example = "NNAPN"))})
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    public Response get(@Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws JsonProcessingException {
        StatusParameters.Request request = parameters.states(uri.getQueryParameters());
        List<String> codes = order.codes(request.selection());
        RegionStates states = status.now();
        if (request.format() == StatusParameters.Format.COMPACT) {
            byte[] text = CompactStatus.render(codes, states).getBytes(StandardCharsets.US_ASCII);
            return Revalidation.respond(text, TEXT, ifNoneMatch);
        }
        Map<String, RegionState> regions = new LinkedHashMap<>();
        codes.forEach(code -> regions.put(code, states.of(code)));
        return Revalidation.respond(json.writeValueAsBytes(new Status(regions)), MediaType.APPLICATION_JSON_TYPE,
                ifNoneMatch);
    }

    @GET
    @Path("order")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The codes of a selection in the order the compact status lists them",
            description = "Sorted by code: ISO 3166 codes at the oblast level, KATOTTG codes below it. Changes only"
                    + " with the gazetteer; a device fetches it once and revalidates with If-None-Match.")
    @Parameter(name = StatusParameters.LEVEL, in = ParameterIn.QUERY, description = LEVEL)
    @Parameter(name = StatusParameters.WITHIN, in = ParameterIn.QUERY, description = WITHIN)
    @APIResponse(responseCode = "200", description = "The codes in the compact string's order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Order.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    public Response order(@Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws JsonProcessingException {
        List<String> codes = order.codes(parameters.order(uri.getQueryParameters()));
        return Revalidation.respond(json.writeValueAsBytes(new Order(codes)), MediaType.APPLICATION_JSON_TYPE,
                ifNoneMatch);
    }
}
