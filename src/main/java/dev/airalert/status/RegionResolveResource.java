package dev.airalert.status;

import dev.airalert.region.Gazetteer;
import dev.airalert.region.LatLon;
import dev.airalert.region.Region;
import dev.airalert.region.RegionResource;
import dev.airalert.region.RegionSummary;
import dev.airalert.web.ProblemException;
import dev.airalert.web.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/regions/resolve}: a name or a point to the regions it means, each with its
 * state now. It lives with the states rather than with the gazetteer because it answers
 * "what is it like here", which only this feature knows.
 */
@Path("/api/v1/regions/resolve")
@Tag(name = RegionResource.TAG)
public class RegionResolveResource {

    private final Gazetteer gazetteer;
    private final RegionStatus status;

    RegionResolveResource(Gazetteer gazetteer, RegionStatus status) {
        this.gazetteer = gazetteer;
        this.status = status;
    }

    @GET
    @Operation(summary = "Resolve a name or a point to regions, each with its state now and why",
            description = "q: a code or a name in any language (Kiew, Київ, Kharkov), best first;"
                    + " point: lat,lon (every region containing it, the country first, the hromada last).")
    public RegionMatches resolve(@Context UriInfo uri, @QueryParam("q") String q,
            @QueryParam("point") String point) {
        QueryParameters.requireKnown(uri.getQueryParameters(), Set.of("q", "point"));
        if ((q == null) == (point == null)) {
            throw ProblemException.invalidField(q == null ? "q" : "point", "give either q or point");
        }
        return q != null ? withStates(gazetteer.search(q)) : withStates(gazetteer.containing(parse(point)));
    }

    private static LatLon parse(String point) {
        try {
            return LatLon.parse(point);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("point", e.getMessage());
        }
    }

    private RegionMatches withStates(List<Region> regions) {
        RegionStates states = status.now();
        return new RegionMatches(regions.stream()
                .map(r -> new RegionMatch(RegionSummary.of(r, gazetteer), states.of(r.code()))).toList());
    }
}
