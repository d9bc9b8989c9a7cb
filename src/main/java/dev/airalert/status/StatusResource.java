package dev.airalert.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.Sha256;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/status}: every region's state in one small response. Its ETag is a
 * hash of the content, so a poller sending {@code If-None-Match} gets 304 and no body until
 * something actually changed.
 */
@Path("/api/v1/status")
public class StatusResource {

    /** The response body: region code to state. */
    public record Status(Map<String, RegionState> regions) {
    }

    private final RegionStatus status;
    private final ObjectMapper json;

    StatusResource(RegionStatus status, ObjectMapper json) {
        this.status = status;
        this.json = json;
    }

    @GET
    @Operation(summary = "Every region's state now (none, active, partial) and its active events",
            description = "Send If-None-Match with the last ETag to get 304 when nothing changed.")
    public Response get(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch)
            throws JsonProcessingException {
        byte[] body = json.writeValueAsBytes(new Status(status.now()));
        String tag = Sha256.hex(body).substring(0, 32);
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(t -> t.trim().replaceFirst("^W/", ""))
                .anyMatch(t -> t.equals("\"" + tag + "\"") || t.equals("*"))) {
            return Response.notModified(new EntityTag(tag)).cacheControl(revalidate).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(new EntityTag(tag))
                .cacheControl(revalidate).build();
    }
}
