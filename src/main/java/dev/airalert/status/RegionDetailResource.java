package dev.airalert.status;

import dev.airalert.alert.AlertHistory;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.GeoJsonGeometry;
import dev.airalert.region.Region;
import dev.airalert.region.RegionResolver;
import dev.airalert.region.RegionResource;
import dev.airalert.region.RegionSummary;
import dev.airalert.web.FieldError;
import dev.airalert.web.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/regions/{code}}: one region with its state and the alerts active there now. */
@Path("/api/v1/regions/{code}")
@Tag(name = RegionResource.TAG)
public class RegionDetailResource {

    private static final String BOUNDARY = "boundary";

    private final Gazetteer gazetteer;
    private final RegionResolver resolver;
    private final AlertHistory alerts;
    private final RegionStatus status;

    RegionDetailResource(Gazetteer gazetteer, RegionResolver resolver, AlertHistory alerts, RegionStatus status) {
        this.gazetteer = gazetteer;
        this.resolver = resolver;
        this.alerts = alerts;
        this.status = status;
    }

    @GET
    @Operation(summary = "One region: its state and why, the regions directly inside it, its boundary,"
            + " and the alerts active there now",
            description = "Any of its codes: ISO 3166-2 (UA-46), KATOTTG for raions and hromadas (Kyiv's KATOTTG"
                    + " code is UA-30). Active alerts include country-wide alerts and alerts of regions inside it.")
    @Parameter(name = BOUNDARY, in = ParameterIn.QUERY, description = "false leaves the boundary out (a country's"
            + " or an oblast's has thousands of points); true by default")
    public RegionDetail get(@Context UriInfo uri, @PathParam("code") String code,
            @QueryParam("lang") String lang) {
        QueryParameters.requireKnown(uri.getQueryParameters(), Set.of("lang", BOUNDARY));
        List<FieldError> errors = new ArrayList<>();
        boolean withBoundary = !Boolean.FALSE.equals(QueryParameters.bool(uri.getQueryParameters(), BOUNDARY, errors));
        QueryParameters.requireValid(errors);
        Region region = gazetteer.byCode(code).orElseThrow(NotFoundException::new);
        return new RegionDetail(RegionSummary.of(region, gazetteer), status.now().of(region.code()),
                gazetteer.children(region.code()).stream().sorted().toList(),
                withBoundary ? GeoJsonGeometry.of(region.boundary()) : null,
                alerts.activeIn(resolver.withRelatives(region.code()), lang));
    }
}
