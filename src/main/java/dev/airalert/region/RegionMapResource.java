package dev.airalert.region;

import dev.airalert.web.ProblemException;
import dev.airalert.web.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/regions/map.svg}: a country's regions drawn for the live map. */
@Path("/api/v1/regions/map.svg")
@Tag(name = RegionResource.TAG)
public class RegionMapResource {

    static final String SVG = "image/svg+xml";

    private final RegionMap map;

    RegionMapResource(RegionMap map) {
        this.map = map;
    }

    @GET
    @Produces(SVG)
    @Operation(summary = "A country's regions as an SVG map",
            description = "One path per region (data-code, data-name-<lang>), for the live map page;"
                    + " country defaults to the one with the most regions.")
    public Response map(@Context UriInfo uri, @QueryParam("country") String country) {
        QueryParameters.requireKnown(uri.getQueryParameters(), Set.of("country"));
        String wanted = country == null ? map.defaultCountry() : country;
        String svg = map.svg(wanted).orElseThrow(() -> ProblemException.invalidField("country",
                "'" + wanted + "' has no regions with boundaries"));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(svg, SVG).cacheControl(cache).build();
    }
}
