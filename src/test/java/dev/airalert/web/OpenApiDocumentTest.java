package dev.airalert.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What a reader of the API description (and Swagger UI) relies on: a security scheme the
 * operations that need a key point to, the statuses publish and create really answer, and
 * every refusal as an RFC 9457 problem.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** Publish and the creating operations, with the status they answer when something new is stored. */
    private static final List<String> CREATING = List.of("/api/v1/alerts", "/api/v1/subscriptions",
            "/api/v1/api-keys", "/api/v1/trusted-senders", "/api/v1/sender-delegations", "/api/v1/approval-rules");

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiKeyIsABearerSchemeThatOperationsNeedingAKeyReference() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.apiKey.type", equalTo("http"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/alerts'.post.security[0].apiKey", equalTo(List.of("publisher")))
                .body("paths.'/api/v1/subscriptions'.post.security[0].apiKey", equalTo(List.of("subscriber")))
                .body("paths.'/api/v1/audit'.get.security[0].apiKey", equalTo(List.of("admin")))
                // Reading needs no key; with one, a reader sees more.
                .body("paths.'/api/v1/alerts'.get.security", equalTo(List.of(Map.of(), Map.of("apiKey", List.of()))));
        JsonPath doc = document();
        Set<String> referenced = new TreeSet<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.values().forEach(item -> item.values().forEach(operation -> {
            if (operation instanceof Map<?, ?> o && o.get("security") instanceof List<?> requirements) {
                requirements.forEach(requirement -> referenced.addAll(((Map<String, ?>) requirement).keySet()));
            }
        }));
        // The compatible APIs take a reader key their services' ways, in a header or in the query.
        assertEquals(Set.of("apiKey", "ReaderToken", "ReaderTokenInQuery"), referenced);
        assertEquals(List.of(Map.of("ReaderToken", List.of()), Map.of("ReaderTokenInQuery", List.of())),
                doc.getList("paths.'/v1/alerts/active.json'.get.security"));
        assertEquals("#/components/schemas/Message",
                doc.getString("paths.'/api/v3/alerts'.get.responses.'401'.content.'application/json'.schema.$ref"));
    }

    @Test
    void publishAndCreateAnswer201WithLocation() {
        JsonPath doc = document();
        for (String path : CREATING) {
            String created = "paths.'" + path + "'.post.responses.'201'";
            assertThat(path, doc.getMap(created), hasKey("content"));
            assertThat(path, doc.getString(created + ".headers.Location.$ref"),
                    equalTo("#/components/headers/Location"));
        }
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("paths.'/api/v1/alerts'.post.responses.keySet()", hasItems("200", "201", "409"))
                .body("paths.'/api/v1/alerts/{id}/prepared-cancel/send'.post.responses.keySet()",
                        hasItems("200", "201", "409"))
                .body("paths.'/api/v1/subscriptions'.post.responses", not(hasKey("200")))
                .body("paths.'/api/v1/subscriptions/{id}'.delete.responses.keySet()", hasItems("204"))
                // The status in both forms, and the order of the compact one, with what they hold.
                .body("paths.'/api/v1/status'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/Status"))
                .body("paths.'/api/v1/status'.get.responses.'200'.content.'text/plain'.schema.type", equalTo("string"))
                .body("components.schemas.Status.properties.keySet()", hasItems("regions"))
                .body("paths.'/api/v1/status/order'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/Order"));
    }

    @Test
    void refusalsAreProblemsDefinedOnce() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("components.schemas.Problem.properties.keySet()",
                        hasItems("type", "title", "status", "detail", "instance", "errors"))
                .body("components.schemas.Problem.properties.errors.items.$ref", equalTo("#/components/schemas/FieldError"))
                .body("components.schemas.FieldError.properties.keySet()", hasItems("field", "message"))
                .body("components.responses.BadRequest.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("components.responses.TooManyRequests.headers", hasKey("Retry-After"))
                .body("paths.'/api/v1/alerts'.post.responses.'400'.$ref", equalTo("#/components/responses/BadRequest"))
                .body("paths.'/api/v1/alerts'.post.responses.'401'.$ref", equalTo("#/components/responses/Unauthorized"))
                .body("paths.'/api/v1/alerts'.post.responses.'403'.$ref", equalTo("#/components/responses/Forbidden"))
                .body("paths.'/api/v1/alerts'.post.responses.'409'.$ref", equalTo("#/components/responses/Conflict"))
                .body("paths.'/api/v1/alerts'.post.responses.'413'.$ref", equalTo("#/components/responses/TooLarge"))
                .body("paths.'/api/v1/alerts'.post.responses.'429'.$ref",
                        equalTo("#/components/responses/TooManyRequests"))
                .body("paths.'/api/v1/alerts'.post.responses.'503'.$ref", equalTo("#/components/responses/Unavailable"))
                .body("paths.'/api/v1/subscriptions/{id}'.get.responses.'404'.$ref",
                        equalTo("#/components/responses/NotFound"))
                .body("paths.'/api/v1/regions'.get.responses", not(hasKey("401")));
        JsonPath doc = document();
        for (String path : CREATING) {
            assertThat(path, doc.getMap("paths.'" + path + "'.post.responses"),
                    allOf(hasKey("400"), hasKey("401"), hasKey("403")));
        }
    }

    /** The history search, the feed and the stream read their query strings whole; their parameters are listed all the same. */
    @Test
    void queryParametersOfSearchFeedAndStreamAreListed() {
        JsonPath doc = document();
        List<String> filters = List.of("region", "event", "severity", "minSeverity", "lang");
        for (String path : List.of("/api/v1/alerts", "/api/v1/alerts.atom")) {
            List<String> names = doc.getList("paths.'" + path + "'.get.parameters.name");
            assertThat(path, names, hasItems(filters.toArray(String[]::new)));
            assertThat(path, names, hasItems("point", "since", "until", "limit", "cursor"));
        }
        List<String> stream = doc.getList("paths.'/api/v1/alerts/stream'.get.parameters.name");
        assertThat(stream, hasItems(filters.toArray(String[]::new)));
        assertThat(stream, not(hasItems("limit")));
    }
}
