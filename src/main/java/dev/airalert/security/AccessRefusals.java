package dev.airalert.security;

import dev.airalert.web.Problem;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A key without the role an operation needs: 403 as a problem, and an entry in the audit
 * trail (a refusal for lack of rights, like a publish for a sender the key may not speak for).
 */
public class AccessRefusals {

    private final CurrentCaller caller;
    private final Event<AuditEvent> audit;
    private final RateLimits limits;

    AccessRefusals(CurrentCaller caller, Event<AuditEvent> audit, RateLimits limits) {
        this.caller = caller;
        this.audit = audit;
        this.limits = limits;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, Request request) {
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        Caller refused = caller.get();
        if (limits.auditRefusal(refused.keyId())) {
            audit.fire(AuditEvent.refused(AuditEvent.ACCESS, refused, null, null,
                    request.getMethod() + " " + path + ": the key lacks the role"));
        }
        Problem problem = new Problem("/problems/forbidden", "Forbidden", 403,
                "This API key does not have the role this operation needs.", path, List.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
