package dev.airalert.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the API description says once for every operation: the refusals, as the
 * {@code Problem} schema (from the {@link Problem} record itself) and one named response per
 * status, each operation pointed at those that can happen to it; and the {@code Location}
 * header of what was created. Every operation can get a 400 (its parameters and body are
 * checked, and any query parameter carrying a control character is refused before it is
 * reached) and a 503 (the database is unreachable); one with a path parameter a 404; one with
 * a body a 413; one that takes a key a 401 and a 429 (an address's failed authentications),
 * and a 403 when it needs a role. A 409 is named by the operations that can conflict
 * ({@code @APIResponse(responseCode = "409", ref = ApiDescription.CONFLICT)}).
 */
@OpenApiFilter
public class ApiDescription implements OASFilter {

    /** The named response of a 409, for the operations that can conflict. */
    public static final String CONFLICT = "Conflict";
    /** The named header of a 201: where the new resource is. */
    public static final String LOCATION = "Location";

    private static final String PROBLEM = "#/components/schemas/Problem";
    /** The error body of the other services' APIs served here. */
    private static final String MESSAGE = "Message";
    private static final String READER_TOKEN = "ReaderToken";
    private static final String READER_QUERY = "ReaderTokenInQuery";

    private enum Refusal {
        BAD_REQUEST("400", "BadRequest", "Unknown parameters or fields and bad values, each named in errors"
                + " (/problems/invalid-parameter, /problems/invalid-request, /problems/invalid-alert, /problems/malformed,"
                + " ...)."),
        UNAUTHORIZED("401", "Unauthorized", "No key, or an unknown or revoked one (/problems/unauthorized)."),
        FORBIDDEN("403", "Forbidden", "The key lacks the role, or may not say this; errors names why"
                + " (/problems/forbidden)."),
        NOT_FOUND("404", "NotFound", "Nothing here that this caller may see."),
        CONFLICT("409", ApiDescription.CONFLICT, "Different content under a taken name, or a state that no"
                + " longer allows this (/problems/conflict)."),
        TOO_LARGE("413", "TooLarge", "The body is over the limit (/problems/too-large)."),
        TOO_MANY_REQUESTS("429", "TooManyRequests", "A key's publish limit, or too many failed authentications from"
                + " this address; try again after Retry-After (/problems/too-many-requests)."),
        UNAVAILABLE("503", "Unavailable", "The database is unreachable, or a publish ran past its deadline and stored"
                + " nothing; try again after Retry-After (/problems/unavailable, /problems/deadline-exceeded).");

        final String status;
        final String name;
        final String description;

        Refusal(String status, String name, String description) {
            this.status = status;
            this.name = name;
            this.description = description;
        }

        APIResponse response() {
            APIResponse response = OASFactory.createAPIResponse().description(description)
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            return status.equals("429") || status.equals("503")
                    ? response.addHeader(HttpHeaders.RETRY_AFTER, OASFactory.createHeader().ref(HttpHeaders.RETRY_AFTER))
                    : response;
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("Problem", schemaOf(Problem.class)).addSchema("FieldError", schemaOf(FieldError.class))
                .addHeader(HttpHeaders.RETRY_AFTER, header("Seconds to wait before trying again.",
                        OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                .addHeader(LOCATION, header("The URL of what was created.",
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
        for (Refusal refusal : Refusal.values()) {
            components.addResponse(refusal.name, refusal.response());
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        components.addSchema(MESSAGE, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        components.addSecurityScheme(READER_TOKEN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(HttpHeaders.AUTHORIZATION)
                .description("A key with the reader role: 'Bearer <key>', or the key alone (ukrainealarm's way)"));
        components.addSecurityScheme(READER_QUERY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.QUERY).name("token")
                .description("A key with the reader role, in the query (alerts.in.ua's way)"));
        openAPI.getPaths().getPathItems().forEach((path, item) -> operations(item).forEach(operation -> {
            if (OtherServicesPaths.contains(path) || path.equals("/webhook-public.pem")) {
                describeOtherServices(path, operation);
                return;
            }
            refuse(operation, Refusal.BAD_REQUEST);
            refuse(operation, Refusal.UNAVAILABLE);
            if (path.contains("{")) {
                refuse(operation, Refusal.NOT_FOUND);
            }
            if (operation.getRequestBody() != null) {
                refuse(operation, Refusal.TOO_LARGE);
            }
            List<SecurityRequirement> security = operation.getSecurity();
            if (security != null && !security.isEmpty()) {
                refuse(operation, Refusal.UNAUTHORIZED);
                refuse(operation, Refusal.TOO_MANY_REQUESTS);
                if (security.stream().noneMatch(requirement -> requirement.getSchemes().isEmpty())) {
                    refuse(operation, Refusal.FORBIDDEN);
                }
            }
            // By status, as a reader looks them up (Swagger UI shows them in this order).
            operation.getResponses().setAPIResponses(new TreeMap<>(operation.getResponses().getAPIResponses()));
        }));
    }

    /** Their refusals are {@code {"message": ...}} with their status codes; their token is a reader key. */
    private static void describeOtherServices(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (path.endsWith(".pem")) {
            return;
        }
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(READER_TOKEN),
                OASFactory.createSecurityRequirement().addScheme(READER_QUERY)));
        Map<String, String> refusals = new TreeMap<>(Map.of(
                "400", "A bad parameter or body, named in message",
                "401", "No token, or an unknown or revoked one",
                "403", "The key lacks the role (reader; subscriber for the webhook)",
                "404", "No such location, region or path",
                "429", "Too many requests from this key (or failed authentications from this address);"
                        + " try again after Retry-After"));
        refusals.forEach((status, description) -> {
            APIResponse present = operation.getResponses().getAPIResponse(status);
            if (present == null || present.getContent() == null) {
                APIResponse response = OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .ref("#/components/schemas/" + MESSAGE))));
                operation.getResponses().addAPIResponse(status, status.equals("429") ? response.addHeader(
                        HttpHeaders.RETRY_AFTER, OASFactory.createHeader().ref(HttpHeaders.RETRY_AFTER)) : response);
            }
        });
        operation.getResponses().setAPIResponses(new TreeMap<>(operation.getResponses().getAPIResponses()));
    }

    /**
     * Describes the query parameters an operation reads from its query string as a whole (it
     * refuses unknown ones itself), in the order given: name to description. For the filters of
     * the operations that take many.
     */
    public static void describeQuery(OpenAPI openAPI, String path, Map<String, String> parameters) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(path);
        if (item == null || item.getGET() == null) {
            return;
        }
        Operation get = item.getGET();
        parameters.forEach((name, description) -> {
            boolean known = get.getParameters() != null
                    && get.getParameters().stream().anyMatch(p -> name.equals(p.getName()));
            if (!known) {
                get.addParameter(OASFactory.createParameter().name(name).in(Parameter.In.QUERY)
                        .description(description).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        });
    }

    private static List<Operation> operations(PathItem item) {
        return item.getOperations().values().stream().toList();
    }

    /** Points the operation at the named refusal, in place of a bare one the framework added. */
    private static void refuse(Operation operation, Refusal refusal) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        APIResponse present = responses.getAPIResponse(refusal.status);
        if (present == null || present.getRef() == null && present.getContent() == null) {
            responses.addAPIResponse(refusal.status, OASFactory.createAPIResponse().ref(refusal.name));
        }
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    /** A record's JSON form: the schema cannot drift from the class the mapper writes. */
    private static Schema schemaOf(Class<? extends Record> type) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        for (RecordComponent component : type.getRecordComponents()) {
            schema.addProperty(component.getName(), schemaOf(component));
        }
        return schema;
    }

    private static Schema schemaOf(RecordComponent component) {
        Map<Class<?>, Schema.SchemaType> simple = Map.of(String.class, Schema.SchemaType.STRING,
                int.class, Schema.SchemaType.INTEGER);
        if (simple.containsKey(component.getType())) {
            return OASFactory.createSchema().addType(simple.get(component.getType()));
        }
        if (component.getType() == List.class && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                    .items(OASFactory.createSchema().ref(item.getSimpleName()));
        }
        throw new IllegalStateException("No schema for " + component);
    }
}
