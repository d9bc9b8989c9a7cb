package dev.airalert.region;

import dev.airalert.web.ProblemException;
import dev.airalert.web.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The gazetteer over HTTP: list and search regions. The map has a path of its own
 * ({@link RegionMapResource}): a literal path wins over {@code GET /api/v1/regions/{code}}, one
 * region with its state and the alerts active there, which is the status feature's, as is
 * {@code GET /api/v1/regions/resolve} (names and points to regions, each with its state).
 */
@Path("/api/v1/regions")
@Tag(name = RegionResource.TAG)
public class RegionResource {

    /** The one group the region endpoints share in the API docs. */
    public static final String TAG = "Region Resource";

    private final Gazetteer gazetteer;
    private final RegionResolver resolver;

    RegionResource(Gazetteer gazetteer, RegionResolver resolver) {
        this.gazetteer = gazetteer;
        this.resolver = resolver;
    }

    @GET
    @Operation(summary = "List regions",
            description = "Filters: country (UA, RU), kind (country, oblast, city, autonomous-republic, raion,"
                    + " hromada), within (a region's code or name: the regions inside it, e.g. within=UA-46&kind=raion),"
                    + " q (part of a name or alias in any language).")
    public List<RegionSummary> list(@Context UriInfo uri, @QueryParam("country") String country,
            @QueryParam("kind") String kind, @QueryParam("within") String within, @QueryParam("q") String q) {
        QueryParameters.requireKnown(uri.getQueryParameters(), Set.of("country", "kind", "within", "q"));
        Set<String> inside = within == null ? null : Set.copyOf(gazetteer.descendants(insideOf(within)));
        // A name search keeps its best-first order; a plain listing is by code.
        Stream<Region> regions = q == null
                ? gazetteer.all().stream().sorted(Comparator.comparing(Region::code))
                : gazetteer.search(q).stream();
        return regions
                .filter(r -> country == null || r.country().equalsIgnoreCase(country))
                .filter(r -> kind == null || r.kind().code().equalsIgnoreCase(kind))
                .filter(r -> inside == null || inside.contains(r.code()))
                .map(r -> RegionSummary.of(r, gazetteer)).toList();
    }

    private String insideOf(String within) {
        RegionResolver.Lookup lookup = resolver.lookup(within);
        return lookup.code().filter(c -> gazetteer.byCode(c).isPresent())
                .orElseThrow(() -> ProblemException.invalidField("within", lookup.problem(within)));
    }
}
