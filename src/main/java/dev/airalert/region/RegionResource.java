package dev.airalert.region;

import dev.airalert.alert.AlertHistory;
import dev.airalert.web.ProblemException;
import dev.airalert.web.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The gazetteer over HTTP: list and search regions, one region with its alerts, resolve names and points. */
@Path("/api/v1/regions")
public class RegionResource {

    static final String SVG = "image/svg+xml";

    private final Gazetteer gazetteer;
    private final RegionResolver resolver;
    private final AlertHistory alerts;
    private final RegionMap map;

    RegionResource(Gazetteer gazetteer, RegionResolver resolver, AlertHistory alerts, RegionMap map) {
        this.gazetteer = gazetteer;
        this.resolver = resolver;
        this.alerts = alerts;
        this.map = map;
    }

    @GET
    @Operation(summary = "List regions",
            description = "Filters: country (UA, RU), kind (country, oblast, city, autonomous-republic),"
                    + " q (part of a name or alias in any language).")
    public List<RegionSummary> list(@Context UriInfo uri, @QueryParam("country") String country,
            @QueryParam("kind") String kind, @QueryParam("q") String q) {
        QueryParameters.requireKnown(uri.getQueryParameters(), Set.of("country", "kind", "q"));
        // A name search keeps its best-first order; a plain listing is by code.
        Stream<Region> regions = q == null
                ? gazetteer.all().stream().sorted(Comparator.comparing(Region::code))
                : gazetteer.search(q).stream();
        return regions
                .filter(r -> country == null || r.country().equalsIgnoreCase(country))
                .filter(r -> kind == null || r.kind().code().equalsIgnoreCase(kind))
                .map(RegionSummary::of).toList();
    }

    @GET
    @Path("resolve")
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

    @GET
    @Path("map.svg")
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

    @GET
    @Path("{code}")
    @Operation(summary = "One region, with its boundary and the alerts active there now",
            description = "Active alerts include country-wide alerts and alerts of regions inside it.")
    public RegionDetail get(@Context UriInfo uri, @PathParam("code") String code,
            @QueryParam("lang") String lang) {
        QueryParameters.requireKnown(uri.getQueryParameters(), Set.of("lang"));
        Region region = gazetteer.byCode(code).orElseThrow(NotFoundException::new);
        return new RegionDetail(RegionSummary.of(region), gazetteer.descendants(region.code()),
                GeoJsonGeometry.of(region.boundary()),
                alerts.activeIn(resolver.withRelatives(region.code()), lang));
    }
}
