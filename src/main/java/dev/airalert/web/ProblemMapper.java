package dev.airalert.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.airalert.Deadline;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 {@code application/problem+json}
 * responses. Nothing internal (class names, stack traces, SQL) reaches the caller; an
 * unexpected failure is logged with an id that the response repeats.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(Problem.of(e, path(uri)));
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(new Problem("/problems/invalid-request", "Invalid request", 400,
                "The request has invalid fields.", path(uri), errors));
    }

    /** Jackson's own mapper would answer these without naming the field. */
    @ServerExceptionMapper
    public Response unreadableJsonValue(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException failure, UriInfo uri) {
        JsonProcessingException e = JsonLimits.cause(failure);
        String field = JsonLimits.field(e);
        String message = e instanceof JsonMappingException && !JsonLimits.isOurs(e) ? "has the wrong type or is unknown"
                : JsonLimits.message(e);
        return respond(new Problem("/problems/invalid-request", "Invalid request", 400,
                field + ": " + message, path(uri), List.of(new FieldError(field, message))));
    }

    /** A request past its deadline did nothing; the service is busy, so later may work. */
    @ServerExceptionMapper
    public Response overDeadline(Deadline.Exceeded e, UriInfo uri) {
        LOG.warnf("Request on %s given up: %s", path(uri), e.getMessage());
        return Response.fromResponse(respond(new Problem("/problems/deadline-exceeded", "Service unavailable", 503,
                        e.getMessage() + "; nothing was stored. Try again after Retry-After.", path(uri), List.of())))
                .header(HttpHeaders.RETRY_AFTER, 5)
                .build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            return unavailable(e, uri);
        }
        return Response.fromResponse(respond(new Problem("/problems/unauthorized",
                        "Unauthorized", 401,
                        "Send a valid API key as 'Authorization: Bearer <key>'.", path(uri),
                        List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // The framework wraps some body failures (ours among them) in a bare 400.
            return unreadableJson(unreadable, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (OtherServicesPaths.contains(path(uri))) {
            // A method or media type the compatible APIs do not take: in their services' shape.
            return Response.status(status.getStatusCode()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("message", status.getReasonPhrase())).build();
        }
        List<FieldError> errors = switch (status.getStatusCode()) {
            case 415 -> List.of(new FieldError("Content-Type", "is not a media type this resource reads"));
            case 406 -> List.of(new FieldError("Accept", "names no media type this resource writes"));
            default -> List.of();
        };
        return respond(new Problem("about:blank", status.getReasonPhrase(),
                status.getStatusCode(), detailFor(status.getStatusCode()), path(uri), errors));
    }

    /** An Error (a stack or heap exhausted by one request) is still answered as a problem, and logged. */
    @ServerExceptionMapper
    public Response failed(Error e, UriInfo uri) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", id, path(uri));
        return respond(new Problem("/problems/internal", "Internal error", 500,
                "The service failed unexpectedly; reference " + id + ".", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.causedBy(e)) {
            return unavailable(e, uri);
        }
        String id = UUID.randomUUID().toString();
        if (unstorable(e)) {
            // Every accepted value is checked against its column first: reaching this is a bug,
            // but the request is still the sender's to fix, and nothing was stored.
            LOG.errorf(e, "Unstorable value %s on %s", id, path(uri));
            return respond(new Problem("/problems/invalid-request", "Invalid request", 400,
                    "A value of the request cannot be stored (too long or not text); reference " + id + ".",
                    path(uri), List.of(new FieldError("body", "holds a value that cannot be stored"))));
        }
        LOG.errorf(e, "Unexpected failure %s on %s", id, path(uri));
        return respond(new Problem("/problems/internal", "Internal error", 500,
                "The service failed unexpectedly; reference " + id + ".", path(uri), List.of()));
    }

    /** The database is away: the same request will work again once it is back. */
    private static Response unavailable(Exception e, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", path(uri), e.getMessage());
        LOG.debug("Database unavailable", e);
        return Response.fromResponse(respond(new Problem("/problems/unavailable", "Service unavailable", 503,
                        "The database is not reachable right now, so the request was not carried out."
                                + " Try again after Retry-After.",
                        path(uri), List.of())))
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                .build();
    }

    private static boolean unstorable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.DataException) {
                return true;
            }
        }
        return false;
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the accepted media types can be produced.";
            case 415 -> "Unsupported Content-Type: send application/cap+xml, application/xml or application/json.";
            default -> "The request could not be processed.";
        };
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** Bean Validation paths start with method and parameter names; callers know fields. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
