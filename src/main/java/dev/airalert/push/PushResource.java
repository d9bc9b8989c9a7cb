package dev.airalert.push;

import dev.airalert.AirAlertConfig;
import dev.airalert.security.ClientAddresses;
import dev.airalert.security.RateLimits;
import dev.airalert.subscription.PushSubscriptionRequest;
import dev.airalert.subscription.PushSubscriptionView;
import dev.airalert.subscription.PushSubscriptions;
import dev.airalert.web.ApiDescription;
import dev.airalert.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Web Push for people: a browser subscribes to a place with no key or account. Creating is
 * limited per client address; moving and deleting need the unsubscribe token given at creation.
 */
@Path("/api/v1/push")
@Tag(name = "Web Push", description = "Browsers subscribe to alerts for a place (docs/push.md).")
public class PushResource {

    static final String TOKEN_HEADER = "Unsubscribe-Token";

    private final PushSubscriptions subscriptions;
    private final PushKeys keys;
    private final RateLimits limits;
    private final ClientAddresses addresses;
    private final int perMinute;

    PushResource(PushSubscriptions subscriptions, PushKeys keys, RateLimits limits, ClientAddresses addresses,
            AirAlertConfig config) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.limits = limits;
        this.addresses = addresses;
        this.perMinute = config.push().subscriptionsPerMinute();
    }

    @GET
    @Path("vapid-public-key")
    @Operation(summary = "The key browsers subscribe with",
            description = "The VAPID public key (P-256, uncompressed, base64url): PushManager.subscribe's applicationServerKey.")
    public Map<String, String> publicKey() {
        return Map.of("publicKey", keys.publicKey());
    }

    @POST
    @Path("subscriptions")
    @Operation(summary = "Subscribe a browser to alerts for a place",
            description = "No key needed. 201 with the subscription's id and its unsubscribe token, shown only here.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDescription.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PushSubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "This browser follows the most places allowed.")
    @APIResponse(responseCode = "429", description = "Too many subscriptions from this client address.")
    public Response create(@Valid @NotNull PushSubscriptionRequest request, @Context HttpServerRequest http,
            @Context UriInfo uri) {
        long wait = limits.request("push:" + RateLimits.bucketOf(addresses.of(http)), perMinute);
        if (wait > 0) {
            throw ProblemException.tooManyRequests("This address may create " + perMinute
                    + " push subscriptions a minute. Try again after Retry-After.", wait);
        }
        PushSubscriptionView created = subscriptions.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @PUT
    @Path("subscriptions/{id}")
    @Operation(summary = "Move a push subscription to the browser's new endpoint, or refresh it",
            description = "Needs its unsubscribe token. A subscription not refreshed for airalert.push.expire-after expires.")
    public PushSubscriptionView move(@PathParam("id") UUID id,
            @Parameter(description = "The token given at creation.") @HeaderParam(TOKEN_HEADER) String token,
            @Valid @NotNull PushSubscriptionRequest request) {
        return subscriptions.move(id, token, request);
    }

    @DELETE
    @Path("subscriptions/{id}")
    @Operation(summary = "Unsubscribe", description = "Needs its unsubscribe token, as a header or ?token=.")
    @APIResponse(responseCode = "204", description = "Deleted, with its deliveries.")
    @APIResponse(responseCode = "404", description = "No such subscription, or not this token's.")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(TOKEN_HEADER) String token,
            @QueryParam("token") String queryToken) {
        subscriptions.delete(id, token != null ? token : queryToken);
        return Response.noContent().build();
    }
}
