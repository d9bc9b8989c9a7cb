package dev.airalert.stream;

import dev.airalert.filter.FilterParser;
import dev.airalert.web.ApiDescription;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/** Lists the stream's filters in the API description: it reads its query string as a whole. */
@OpenApiFilter
public class StreamParameters implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ApiDescription.describeQuery(openAPI, "/api/v1/alerts/stream", FilterParser.DESCRIPTIONS);
    }
}
