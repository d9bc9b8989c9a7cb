package dev.airalert.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airalert.security.Caller;
import dev.airalert.security.Roles;
import dev.airalert.subscription.SubscriptionRequest;
import dev.airalert.subscription.SubscriptionService;
import dev.airalert.subscription.SubscriptionView;
import dev.airalert.subscription.WebhookFormat;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * ukrainealarm's webhooks: {@code POST|PATCH|DELETE /api/v3/webhook} with
 * {@code {"webHookUrl": ...}}, one per key (their signatures verify with the public key at
 * {@code /webhook-public.pem}, {@link WebhookPublicKeyResource}). A webhook is a subscription of the key to every threat in
 * Ukraine whose deliveries take ukrainealarm's form: it goes through the same outbox, retries
 * and checks of the target as every other, is listed with the key's subscriptions, and ends
 * with the key. Registering one changes something, so the key needs the {@code subscriber}
 * role (a device's {@code reader} key, which travels in URLs, cannot redirect it).
 */
@Path("/api/v3/webhook")
@Tag(name = "ukrainealarm compatible")
public class UkraineAlarmWebhookResource {

    private static final String DESCRIPTION = "ukrainealarm webhook";

    private final CompatAccess access;
    private final SubscriptionService subscriptions;
    private final WebhookKeys keys;

    UkraineAlarmWebhookResource(CompatAccess access, SubscriptionService subscriptions, WebhookKeys keys) {
        this.access = access;
        this.subscriptions = subscriptions;
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register this key's webhook: {\"webHookUrl\": \"https://...\"}")
    public Response register(@Context HttpServerRequest request, byte[] body) {
        Caller caller = subscriber(request);
        String url = url(body);
        // One per key: the database holds it to that (a unique column), for replicas at once too.
        try {
            translated(() -> subscriptions.createWholeCountry(caller.keyId(), url, "UA", WebhookFormat.UKRAINEALARM,
                    DESCRIPTION));
        } catch (PersistenceException e) {
            throw new CompatError(409, "This key has a webhook already; PATCH changes its URL, DELETE removes it");
        }
        return Response.ok(Map.of("webHookUrl", url), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @PATCH
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the URL of this key's webhook")
    public Response change(@Context HttpServerRequest request, byte[] body) {
        Caller caller = subscriber(request);
        String url = url(body);
        SubscriptionView hook = hookOf(caller);
        translated(() -> subscriptions.patch(caller.keyId(), hook.id(), new SubscriptionRequest(url, null, null, null,
                null, null, null, null, null, null, null, null, null)));
        return Response.ok(Map.of("webHookUrl", url), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove this key's webhook")
    public Response remove(@Context HttpServerRequest request) {
        Caller caller = subscriber(request);
        SubscriptionView hook = hookOf(caller);
        subscriptions.delete(caller.keyId(), hook.id());
        return Response.ok(Map.of(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The key of a request that changes a webhook: always a key, with the subscriber role. */
    private Caller subscriber(HttpServerRequest request) {
        return access.keyWith(request, CompatAccess.token(request.getHeader("Authorization"), null), Roles.SUBSCRIBER);
    }

    private SubscriptionView hookOf(Caller caller) {
        return subscriptions.inFormat(caller.keyId(), WebhookFormat.UKRAINEALARM).stream().findFirst()
                .orElseThrow(() -> new CompatError(404, "This key has no webhook"));
    }

    private static String url(byte[] body) {
        JsonNode json;
        try {
            json = AlertsInUaBodies.JSON.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new CompatError(400, "The body must be JSON: {\"webHookUrl\": \"https://...\"}");
        }
        JsonNode url = json == null ? null : json.get("webHookUrl");
        if (url == null || !url.isTextual() || url.asText().isBlank() || url.asText().length() > 2048) {
            throw new CompatError(400, "webHookUrl must be a URL of at most 2048 characters");
        }
        return url.asText().trim();
    }

    /** The subscriptions' refusals (a target the SSRF rules refuse, say) in this API's shape. */
    private static void translated(Runnable change) {
        try {
            change.run();
        } catch (ProblemException e) {
            List<FieldError> errors = e.errors();
            String why = errors.isEmpty() ? e.getMessage()
                    : errors.stream().map(f -> ("url".equals(f.field()) ? "webHookUrl" : f.field()) + ": " + f.message())
                            .collect(Collectors.joining("; "));
            throw new CompatError(e.status(), why);
        }
    }

    /** Whatever fails here, its clients get it in their services' shape ({@link CompatErrorMapper}). */
    @ServerExceptionMapper
    public Response failed(RuntimeException e) {
        return CompatErrorMapper.of(e);
    }
}
