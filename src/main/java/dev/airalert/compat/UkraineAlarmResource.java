package dev.airalert.compat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airalert.Clocks;
import dev.airalert.region.Gazetteer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * ukrainealarm's API v3 at its own paths, so that its clients change only the host: the
 * regions with alerts, one region's alerts (its own and those of the places it lies in), the
 * last action's index, a region's history and the region tree. Unlike the original, answers
 * carry an ETag and Last-Modified for 304s, and over-limit is 429, not 401.
 */
@Path("/api/v3")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ukrainealarm compatible", description = "ukrainealarm's API v3: change only the host (docs/compat.md)")
public class UkraineAlarmResource {

    /** How far back a region's history looks for its last 25 alarms. */
    static final Duration HISTORY_WINDOW = Duration.ofDays(90);
    static final int HISTORY_ALARMS = 25;

    private final CompatAccess access;
    private final ActiveThreats threats;
    private final Locations locations;
    private final RegionHistory history;
    private final Conditional conditional;
    private final Gazetteer gazetteer;
    private final WebhookKeys keys;
    private final Clock clock = Clocks.UTC;

    UkraineAlarmResource(CompatAccess access, ActiveThreats threats, Locations locations, RegionHistory history,
            Conditional conditional, Gazetteer gazetteer, WebhookKeys keys) {
        this.access = access;
        this.threats = threats;
        this.locations = locations;
        this.history = history;
        this.conditional = conditional;
        this.gazetteer = gazetteer;
        this.keys = keys;
    }

    @GET
    @Path("alerts")
    @Operation(summary = "Every region with an alert in force on it, with its alerts")
    public Response alerts(@Context HttpServerRequest request, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admit(request, null);
        ActiveThreats.Snapshot s = threats.now();
        return conditional.answer(s, "/api/v3/alerts", () -> {
            ArrayNode body = AlertsInUaBodies.JSON.createArrayNode();
            locations.byRegionId(s.active).forEach((location, active) -> regionWithAlerts(body, location,
                    active.stream().map(a -> Map.entry(location, a)).toList()));
            return AlertsInUaBodies.bytes(body);
        }, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("alerts/status")
    @Operation(summary = "The index of the last change: {\"lastActionIndex\": <number>}; poll it, fetch when it grows")
    public Response status(@Context HttpServerRequest request, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admit(request, null);
        ActiveThreats.Snapshot s = threats.now();
        return conditional.answer(s, "/api/v3/alerts/status", () -> AlertsInUaBodies.bytes(AlertsInUaBodies.JSON.createObjectNode()
                .put("lastActionIndex", UkraineAlarmBodies.actionIndex(s.dataTime, s.tag))), ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("alerts/regionHistory")
    @Operation(summary = "A region's last 25 alarms (within 90 days), newest first")
    public Response regionHistory(@Context HttpServerRequest request, @QueryParam("regionId") String regionId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admitHistory(request, null);
        if (regionId == null || regionId.isBlank()) {
            throw new CompatError(400, "regionId is required");
        }
        Locations.Location location = region(regionId);
        ActiveThreats.Snapshot s = threats.now();
        Instant now = clock.instant();
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        return conditional.answer(s, "/api/v3/alerts/regionHistory?regionId=" + location.regionId(), minute, () -> {
            Set<String> related = locations.related(location.code());
            ArrayNode body = AlertsInUaBodies.JSON.createArrayNode();
            ObjectNode region = UkraineAlarmBodies.region(body, location, englishName(location));
            ArrayNode alarms = region.putArray("alarms");
            for (RegionHistory.Item item : history.of(location.code(), minute.minus(HISTORY_WINDOW), now,
                    CompatRepository.HISTORY_CHAINS)) {
                for (Locations.Location at : locations.withRegionIds(item.code())) {
                    if (alarms.size() < HISTORY_ALARMS && related.contains(at.code())) {
                        ObjectNode alarm = UkraineAlarmBodies.region(alarms, at, null);
                        alarm.put("startDate", UkraineAlarmBodies.time(item.startedAt()));
                        alarm.put("endDate", item.finishedAt() == null ? null : UkraineAlarmBodies.time(item.finishedAt()));
                        alarm.put("alertType", UkraineAlarmBodies.type(item.type()));
                        alarm.put("isContinue", item.finishedAt() == null);
                    }
                }
            }
            return AlertsInUaBodies.bytes(body);
        }, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("alerts/{regionId}")
    @Operation(summary = "One region with its alerts and those of the places it lies in; activeAlerts [] when clear")
    public Response region(@Context HttpServerRequest request, @PathParam("regionId") String regionId,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admit(request, null);
        Locations.Location location = region(regionId);
        ActiveThreats.Snapshot s = threats.now();
        return conditional.answer(s, "/api/v3/alerts/" + location.regionId(), () -> {
            Set<String> above = Set.copyOf(gazetteer.ancestors(location.code()));
            List<Map.Entry<Locations.Location, ActiveThreats.Active>> concerning = new ArrayList<>();
            locations.byRegionId(s.active).forEach((at, active) -> {
                if (at.equals(location) || above.contains(at.code())) {
                    active.forEach(a -> concerning.add(Map.entry(at, a)));
                }
            });
            ArrayNode body = AlertsInUaBodies.JSON.createArrayNode();
            regionWithAlerts(body, location, concerning);
            return AlertsInUaBodies.bytes(body);
        }, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("regions")
    @Operation(summary = "The region tree: states (oblasts), their districts (raions), their communities (hromadas)")
    public Response regions(@Context HttpServerRequest request, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        access.admit(request, null);
        ActiveThreats.Snapshot s = threats.now();
        return conditional.answer(s, "/api/v3/regions", () -> {
            ObjectNode body = AlertsInUaBodies.JSON.createObjectNode();
            ArrayNode states = body.putArray("states");
            locations.table().byUid().values().stream()
                    .filter(l -> l.parentUid() == null && l.regionId() != null).sorted(Locations.BY_REGION_ID)
                    .forEach(state -> tree(states, state));
            return AlertsInUaBodies.bytes(body);
        }, ifNoneMatch, ifModifiedSince);
    }

    @GET
    @Path("webhook-public.pem")
    @Produces(WebhookPublicKeyResource.PEM)
    @Operation(summary = "The public key that verifies ukrainealarm-style webhook signatures (PEM)")
    public String webhookPublicKey() {
        return keys.publicPem();
    }

    /** Any other path here: the 404 its clients parse. */
    @GET
    @Path("{any: .*}")
    @Operation(hidden = true)
    public Response unknown(@PathParam("any") String any) {
        throw CompatError.notFound();
    }

    private void tree(ArrayNode into, Locations.Location location) {
        ObjectNode node = into.addObject();
        node.put("regionId", location.regionId());
        node.put("regionName", location.title());
        node.put("regionType", UkraineAlarmBodies.regionType(location));
        ArrayNode children = node.putArray("regionChildIds");
        locations.children(location.uid()).stream().filter(c -> c.regionId() != null && !"city".equals(c.type()))
                .sorted(Locations.BY_REGION_ID).forEach(child -> tree(children, child));
    }

    /**
     * {@code location} with {@code activeAlerts}: one per (region, type) among the alerts given
     * with the region they are on, its levels those of its alerts that have one.
     */
    private void regionWithAlerts(ArrayNode into, Locations.Location location,
            List<Map.Entry<Locations.Location, ActiveThreats.Active>> alerts) {
        ObjectNode region = UkraineAlarmBodies.region(into, location, englishName(location));
        Map<String, ObjectNode> byRegionAndType = new LinkedHashMap<>();
        ArrayNode active = AlertsInUaBodies.JSON.createArrayNode();
        Instant last = null;
        for (Map.Entry<Locations.Location, ActiveThreats.Active> entry : alerts) {
            Locations.Location on = entry.getKey();
            ActiveThreats.Active a = entry.getValue();
            String type = UkraineAlarmBodies.type(a.type());
            ObjectNode alert = byRegionAndType.computeIfAbsent(on.regionId() + "|" + type, k -> {
                ObjectNode created = active.addObject();
                created.put("regionId", on.regionId());
                created.put("regionType", UkraineAlarmBodies.regionType(on));
                created.put("type", type);
                created.put("lastUpdate", UkraineAlarmBodies.time(a.updatedAt()));
                created.putArray("activeAlertLevels");
                return created;
            });
            Instant updated = a.updatedAt();
            if (UkraineAlarmBodies.time(updated).compareTo(alert.get("lastUpdate").asText()) > 0) {
                alert.put("lastUpdate", UkraineAlarmBodies.time(updated));
            }
            UkraineAlarmBodies.addLevel((ArrayNode) alert.get("activeAlertLevels"), a);
            last = last == null || updated.isAfter(last) ? updated : last;
        }
        region.put("lastUpdate", last == null ? null : UkraineAlarmBodies.time(last));
        region.set("activeAlerts", active);
    }

    private Locations.Location region(String regionId) {
        Locations.Location location = locations.byRegionId(regionId.trim())
                .orElseThrow(() -> new CompatError(404, "Unknown regionId " + regionId.trim()));
        if (location.code() == null) {
            throw new CompatError(404, "Unknown regionId " + regionId.trim());
        }
        return location;
    }

    private String englishName(Locations.Location location) {
        return location.code() == null ? null
                : gazetteer.byCode(location.code()).map(r -> r.names().get("en")).orElse(null);
    }

    /** Whatever fails here, its clients get it in their services' shape ({@link CompatErrorMapper}). */
    @ServerExceptionMapper
    public Response failed(RuntimeException e) {
        return CompatErrorMapper.of(e);
    }
}
