package dev.airalert.compat;

import dev.airalert.web.DatabaseOutage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Writes errors of the compatible APIs as those services do: {@code {"message": ...}}, their
 * status, Retry-After on 429 and 503. The resources map every exception of theirs through
 * {@link #of}, so that a database outage or a framework refusal reaches their clients in the
 * shape they parse, never as problem+json.
 */
public class CompatErrorMapper {

    private static final Logger LOG = Logger.getLogger(CompatErrorMapper.class);

    @ServerExceptionMapper
    public Response map(CompatError e) {
        return of(e);
    }

    static Response of(Throwable e) {
        if (e instanceof CompatError error) {
            Response.ResponseBuilder answer = message(error.status(), error.getMessage());
            if (error.retryAfter() > 0) {
                answer.header(HttpHeaders.RETRY_AFTER, error.retryAfter());
            }
            if (error.status() == 401) {
                answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            return answer.build();
        }
        if (DatabaseOutage.causedBy(e)) {
            LOG.warnf("Compatible API: the database is unreachable: %s", e.getMessage());
            return message(503, "Service unavailable; try again later").header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        if (e instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return message(status.getStatusCode(), status.getReasonPhrase()).build();
        }
        LOG.error("Compatible API: unexpected failure", e);
        return message(500, "Internal error").build();
    }

    private static Response.ResponseBuilder message(int status, String message) {
        return Response.status(status).entity(Map.of("message", message)).type(MediaType.APPLICATION_JSON_TYPE);
    }
}
