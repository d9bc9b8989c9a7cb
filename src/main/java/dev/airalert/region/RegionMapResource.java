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

/**
 * {@code GET /api/v1/regions/map.svg}: a country's regions drawn for the live map, or with
 * {@code within} the regions inside one of them, in the same coordinates.
 */
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
    @Operation(summary = "A country's regions as an SVG map, or the regions inside one region",
            description = "One path per region (data-code, data-kind, data-parent, data-name-<lang>), for the"
                    + " live map page; country defaults to the one with the most regions. within=<code> (an"
                    + " oblast) draws its hromadas (class region) and its raions as outlines over them (class"
                    + " raion), in the country map's coordinates, the viewBox framing the region.")
    public Response map(@Context UriInfo uri, @QueryParam("country") String country,
            @QueryParam("within") String within) {
        QueryParameters.requireKnown(uri.getQueryParameters(), Set.of("country", "within"));
        String svg;
        if (within != null) {
            if (country != null) {
                throw ProblemException.invalidField("within", "give either country or within");
            }
            svg = map.svgWithin(within).orElseThrow(() -> ProblemException.invalidField("within",
                    "'" + within + "' is no region with smaller regions inside it that have boundaries"));
        } else {
            String wanted = country == null ? map.defaultCountry() : country;
            svg = map.svg(wanted).orElseThrow(() -> ProblemException.invalidField("country",
                    "'" + wanted + "' has no regions with boundaries"));
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(svg, SVG).cacheControl(cache).build();
    }
}
