package dev.airalert.compat;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes a {@link CompatError} as those services do: {@code {"message": ...}}, their status, Retry-After on 429. */
public class CompatErrorMapper {

    @ServerExceptionMapper
    public Response map(CompatError e) {
        Response.ResponseBuilder answer = Response.status(e.status())
                .entity(Map.of("message", e.getMessage())).type(MediaType.APPLICATION_JSON_TYPE);
        if (e.retryAfter() > 0) {
            answer.header(HttpHeaders.RETRY_AFTER, e.retryAfter());
        }
        if (e.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return answer.build();
    }
}
