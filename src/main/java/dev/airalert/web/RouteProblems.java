package dev.airalert.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Problem responses from HTTP filters, which run before any resource: the same RFC 9457
 * bodies {@link ProblemMapper} writes.
 */
public final class RouteProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RouteProblems() {
    }

    public static void send(RoutingContext rc, int status, String type, String title, String detail,
            String... headers) {
        send(rc, status, type, title, detail, List.of(), headers);
    }

    public static void send(RoutingContext rc, int status, String type, String title, String detail,
            List<FieldError> errors, String... headers) {
        Problem problem = new Problem(type, title, status, detail, rc.normalizedPath(), errors);
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        var response = rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.putHeader(headers[i], headers[i + 1]);
        }
        response.end(body);
    }
}
