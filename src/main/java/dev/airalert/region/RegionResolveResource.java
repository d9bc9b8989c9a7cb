package dev.airalert.region;

import dev.airalert.web.ProblemException;
import dev.airalert.web.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/regions/resolve}: a name or a point to the regions it means. */
@Path("/api/v1/regions/resolve")
@Tag(name = RegionResource.TAG)
public class RegionResolveResource {

    private final Gazetteer gazetteer;

    RegionResolveResource(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @GET
    @Operation(summary = "Resolve a name or a point to regions",
            description = "q: a code or a name in any language (Kiew, Київ, Kharkov);"
                    + " point: lat,lon (all regions containing it, country first).")
    public RegionMatches resolve(@Context UriInfo uri, @QueryParam("q") String q,
            @QueryParam("point") String point) {
        QueryParameters.requireKnown(uri.getQueryParameters(), Set.of("q", "point"));
        if ((q == null) == (point == null)) {
            throw ProblemException.invalidField(q == null ? "q" : "point", "give either q or point");
        }
        if (q != null) {
            return new RegionMatches(gazetteer.search(q).stream().map(RegionSummary::of).toList());
        }
        try {
            return new RegionMatches(gazetteer.containing(LatLon.parse(point)).stream()
                    .map(RegionSummary::of).toList());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("point", e.getMessage());
        }
    }
}
