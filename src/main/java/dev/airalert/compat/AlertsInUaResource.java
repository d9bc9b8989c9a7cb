package dev.airalert.compat;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.status.CompactStatus;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * alerts.in.ua's API at its own paths, so that its clients change only the host: active
 * alerts, a location's history, and the IoT strings (one character per oblast or per location
 * id: A whole, P in part, N none; from the same renderer as {@code /api/v1/status}'s compact
 * form). Air threats of every kind are its {@code air_raid}. Only Public, Actual alerts.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts.in.ua compatible", description = "alerts.in.ua's API v1: change only the host (docs/compat.md)")
public class AlertsInUaResource {

    private final CompatAccess access;
    private final ActiveThreats threats;
    private final Locations locations;
    private final RegionHistory history;
    private final Conditional conditional;
    private final AirAlertConfig.Compat config;
    private final Clock clock = Clocks.UTC;

    AlertsInUaResource(CompatAccess access, ActiveThreats threats, Locations locations, RegionHistory history,
            Conditional conditional, AirAlertConfig config) {
        this.access = access;
        this.threats = threats;
        this.locations = locations;
        this.history = history;
        this.conditional = conditional;
        this.config = config.compat();
    }

    @GET
    @Path("alerts/active.json")
    @Operation(summary = "Alerts in force, one per (alert, location)")
    public Response active(@Context HttpServerRequest request, @QueryParam("token") String token,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admit(request, token);
        ActiveThreats.Snapshot s = threats.now();
        return conditional.answer(s, "/v1/alerts/active.json", () -> {
            List<AlertsInUaBodies.Entry> entries = new ArrayList<>();
            for (ActiveThreats.Active a : s.active) {
                for (Locations.Location location : locations.standingFor(a.code())) {
                    entries.add(new AlertsInUaBodies.Entry(a.chain(), location, a.type(), a.reason(), a.partial(),
                            a.startedAt(), null, a.updatedAt()));
                }
            }
            return AlertsInUaBodies.alerts(entries, locations, s.dataTime, config.disclaimer());
        }, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("regions/{uid}/alerts/{period}.json")
    @Operation(summary = "A location's alerts of the last week or month (period week_ago or month_ago)",
            description = "Alerts on the location, on places inside it and on places it lies in; finished_at is null"
                    + " while one is in force.")
    public Response history(@Context HttpServerRequest request, @QueryParam("token") String token,
            @PathParam("uid") String uid, @PathParam("period") String period,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admitHistory(request, token);
        Duration back = switch (period) {
            case "week_ago" -> Duration.ofDays(7);
            case "month_ago" -> Duration.ofDays(30);
            default -> throw new CompatError(400, "period must be week_ago or month_ago");
        };
        Locations.Location location = located(uid);
        ActiveThreats.Snapshot s = threats.now();
        Instant now = clock.instant();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        return conditional.answer(s, "/v1/regions/" + uid + "/alerts/" + period + ".json", minute, () -> {
            Set<String> related = locations.related(location.code());
            List<AlertsInUaBodies.Entry> entries = new ArrayList<>();
            for (RegionHistory.Item item : history.of(location.code(), minute.minus(back), now,
                    CompatRepository.HISTORY_CHAINS)) {
                for (Locations.Location at : locations.standingFor(item.code())) {
                    if (related.contains(at.code())) {
                        entries.add(new AlertsInUaBodies.Entry(item.chain(), at, item.type(), null, item.partial(),
                                item.startedAt(), item.finishedAt(), item.updatedAt()));
                    }
                }
            }
            return AlertsInUaBodies.alerts(entries, locations, s.dataTime, config.disclaimer());
        }, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("iot/active_air_raid_alerts_by_oblast.json")
    @Operation(summary = "27 characters, one per oblast in alerts.in.ua's order: A whole, P in part, N none")
    public Response byOblast(@Context HttpServerRequest request, @QueryParam("token") String token,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admit(request, token);
        ActiveThreats.Snapshot s = threats.now();
        return conditional.answer(s, "/v1/iot/active_air_raid_alerts_by_oblast.json", () -> AlertsInUaBodies.string(
                CompactStatus.render(Locations.IOT_OBLAST_ORDER.stream().map(uid -> locations.byUid(uid)
                        .map(Locations.Location::code).orElse("")).toList(), s.air)), ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("iot/active_air_raid_alerts/{uid}.json")
    @Operation(summary = "One location's air-raid state: \"A\", \"P\" or \"N\"")
    public Response one(@Context HttpServerRequest request, @QueryParam("token") String token,
            @PathParam("uid") String uid, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admit(request, token);
        Locations.Location location = locations.byUid(uid).orElseThrow(CompatError::notFound);
        ActiveThreats.Snapshot s = threats.now();
        return conditional.answer(s, "/v1/iot/active_air_raid_alerts/" + uid + ".json", () -> AlertsInUaBodies.string(
                CompactStatus.render(List.of(location.code() == null ? "" : location.code()), s.air)),
                ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("iot/active_air_raid_alerts.json")
    @Operation(summary = "One character per location id (index = id): A, P, N, or a space for an unused id")
    public Response byLocation(@Context HttpServerRequest request, @QueryParam("token") String token,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admit(request, token);
        ActiveThreats.Snapshot s = threats.now();
        return conditional.answer(s, "/v1/iot/active_air_raid_alerts.json", () -> {
            List<String> codes = new ArrayList<>();
            for (int uid = 0; uid <= locations.table().maxUid(); uid++) {
                codes.add(locations.byUid(Integer.toString(uid)).map(l -> l.code() == null ? "" : l.code()).orElse(null));
            }
            return AlertsInUaBodies.string(CompactStatus.render(codes, s.air, ' '));
        }, ifNoneMatch, ifModifiedSince);
    }

    /** Any other path here: the 404 its clients parse. */
    @GET
    @Path("{any: .*}")
    @Operation(hidden = true)
    public Response unknown(@PathParam("any") String any) {
        throw CompatError.notFound();
    }

    private Locations.Location located(String uid) {
        Locations.Location location = locations.byUid(uid).orElseThrow(CompatError::notFound);
        if (location.code() == null) {
            throw new CompatError(404, "No history is kept for this location");
        }
        return location;
    }

    /** Whatever fails here, its clients get it in their services' shape ({@link CompatErrorMapper}). */
    @ServerExceptionMapper
    public Response failed(RuntimeException e) {
        return CompatErrorMapper.of(e);
    }
}
