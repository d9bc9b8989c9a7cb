package dev.airalert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.airalert.security.Roles;
import dev.airalert.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A subscription's deliveries: the attempt log, a test ping, and replay of past events. */
@Path("/api/v1/subscriptions/{id}")
@RolesAllowed(Roles.SUBSCRIBER)
public class DeliveryResource {

    /** {@code since}: an ISO 8601 date-time with offset. */
    public record ReplayRequest(@NotNull String since) {
    }

    private final DeliveryService service;
    private final SecurityIdentity identity;

    DeliveryResource(DeliveryService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("deliveries")
    @Operation(summary = "The attempt log, newest deliveries first",
            description = "Per delivery: event, status, attempts with time, status code, latency, first bytes"
                    + " of the response or the error, and the next retry.")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalidField("limit", "must be a whole number from 1 to 500");
        }
        return service.deliveries(owner(), id, limit);
    }

    @POST
    @Path("ping")
    @Operation(summary = "Send a test event (webhook.ping), delivered and logged like any other")
    @APIResponse(responseCode = "202", description = "Accepted: the ping is queued; its eventId.")
    public Response ping(@PathParam("id") UUID id) throws JsonProcessingException {
        return Response.accepted(Map.of("eventId", service.ping(owner(), id))).build();
    }

    @POST
    @Path("replay")
    @Operation(summary = "Deliver again every event this subscription was sent since a time",
            description = "The events keep their ids (webhook-id), so receivers can tell repeats.")
    @APIResponse(responseCode = "202", description = "Accepted: how many events are queued again.")
    public Response replay(@PathParam("id") UUID id, @NotNull ReplayRequest request) {
        Instant since;
        try {
            since = OffsetDateTime.parse(request.since()).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("since", "must be a date-time with offset, e.g. 2026-11-25T08:00:00+02:00");
        }
        return Response.accepted(Map.of("replayed", service.replay(owner(), id, since))).build();
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }
}
