package dev.airalert.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.Lru;
import dev.airalert.cap.CapEnums;
import dev.airalert.event.EventBody;
import dev.airalert.event.EventLog;
import dev.airalert.filter.AlertFilter;
import dev.airalert.filter.FilterParser;
import dev.airalert.security.ApiKeyResource;
import dev.airalert.security.Caller;
import dev.airalert.security.CurrentCaller;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import dev.airalert.web.QueryParameters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/**
 * {@code GET /api/v1/alerts/stream}: alert events as Server-Sent Events, each with
 * {@code id:} (the event id), {@code event:} (its type) and {@code data:} (the alert JSON).
 * Filters {@code region}, {@code event}, {@code severity} (or {@code minSeverity}),
 * {@code lang}, {@code threat} and {@code level}, read by {@link FilterParser} as history and subscriptions read them. A client
 * that reconnects with {@code Last-Event-ID} first gets what it missed from the durable event log (within
 * {@code airalert.stream.replay-window}), then live events; the stream carries a comment
 * every {@code airalert.stream.heartbeat}. A Restricted or Private alert reaches only a
 * stream opened with a key that may read it; a stream opened with a key closes when the key
 * is revoked.
 */
@Path("/api/v1/alerts/stream")
public class StreamResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Most events a reconnecting client is given at once. */
    private static final int REPLAY_LIMIT = 1_000;

    private final StreamHub hub;
    private final EventLog eventLog;
    private final FilterParser filters;
    private final AirAlertConfig.Stream config;
    private final CurrentCaller caller;
    private final Clock clock = Clocks.UTC;

    StreamResource(StreamHub hub, EventLog eventLog, FilterParser filters, AirAlertConfig config,
            CurrentCaller caller) {
        this.hub = hub;
        this.eventLog = eventLog;
        this.filters = filters;
        this.config = config.stream();
        this.caller = caller;
    }

    /** Which events a client asked for, and may read. */
    private record Filter(AlertFilter asked, Caller reader) {

        boolean accepts(EventLog.Entry entry) {
            if (!entry.audience().admits(reader)) {
                return false;
            }
            if (!asked.regions().isEmpty() && entry.regions().stream().noneMatch(asked.regions()::contains)) {
                return false;
            }
            if (!asked.events().isEmpty()
                    && entry.events().stream().noneMatch(e -> asked.events().contains(e.toLowerCase(Locale.ROOT)))) {
                return false;
            }
            if (!asked.threats().isEmpty() && entry.threats().stream().noneMatch(asked.threats()::contains)) {
                return false;
            }
            if (!asked.levels().isEmpty() && entry.levels().stream().noneMatch(asked.levels()::contains)) {
                return false;
            }
            return asked.minSeverityRank() == null || RENDERED.severity(entry) >= asked.minSeverityRank();
        }
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = ApiKeyResource.SCHEME))
    @Operation(summary = "Live alert events (Server-Sent Events)",
            description = "Filters region, event, severity (or minSeverity), lang, threat, level, as history reads them;"
                    + " reconnect with Last-Event-ID to get what was missed.")
    public Multi<OutboundSseEvent> stream(@Context UriInfo uri, @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId) {
        Caller reader = caller.get();
        if (config.requireKey() && reader.isAnonymous()) {
            throw new ProblemException(401, "/problems/unauthorized", "Unauthorized",
                    "The stream needs an API key: send Authorization: Bearer <key>.");
        }
        Filter filter = filter(uri, reader);
        // Live events are collected from before the replay is read, so none falls in between.
        Client client = new Client(filter, sse);
        hub.listen(client);
        long after;
        List<EventLog.Entry> missed = List.of();
        try {
            if (lastEventId != null && !lastEventId.isBlank()) {
                long last = QuarkusTransaction.requiringNew().call(() -> eventLog.seqOf(lastEventId.trim()).orElse(0L));
                missed = QuarkusTransaction.requiringNew().call(() -> eventLog.after(last,
                        clock.instant().minus(config.replayWindow()), REPLAY_LIMIT));
                after = missed.isEmpty() ? last : missed.get(missed.size() - 1).seq();
            } else {
                after = -1;
            }
        } catch (RuntimeException e) {
            hub.remove(client);
            throw e;
        }
        List<EventLog.Entry> replay = missed;
        AtomicBoolean ended = new AtomicBoolean();
        Multi<OutboundSseEvent> events = Multi.createFrom().emitter(emitter -> {
            replay.stream().filter(filter::accepts).forEach(e -> emitter.emit(client.event(e)));
            client.attach(emitter, after);
            // A stream opened with a key ends when the key is revoked.
            Runnable close = emitter::complete;
            hub.watchKey(reader.keyId(), close);
            emitter.onTermination(() -> {
                ended.set(true);
                hub.remove(client);
                hub.unwatchKey(reader.keyId(), close);
            });
        });
        // The heartbeats end with the events (at the next tick), so that the response ends too.
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeat())
                .select().first(tick -> !ended.get())
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    /** A connected stream: buffers live events until its emitter is attached, then forwards them. */
    private static final class Client implements Consumer<EventLog.Entry> {
        private final Filter filter;
        private final Sse sse;
        private final List<EventLog.Entry> early = new ArrayList<>();
        private MultiEmitter<? super OutboundSseEvent> emitter;
        private long after;

        Client(Filter filter, Sse sse) {
            this.filter = filter;
            this.sse = sse;
        }

        @Override
        public synchronized void accept(EventLog.Entry entry) {
            if (emitter == null) {
                early.add(entry);
            } else if (entry.seq() > after && filter.accepts(entry)) {
                emitter.emit(event(entry));
            }
        }

        synchronized void attach(MultiEmitter<? super OutboundSseEvent> emitter, long after) {
            this.emitter = emitter;
            this.after = after;
            early.forEach(this::accept);
            early.clear();
        }

        OutboundSseEvent event(EventLog.Entry entry) {
            return sse.newEventBuilder().id(entry.id()).name(entry.type())
                    .data(RENDERED.data(entry, filter.asked().languages())).build();
        }
    }

    private Filter filter(UriInfo uri, Caller reader) {
        var params = uri.getQueryParameters();
        List<FieldError> errors = new ArrayList<>(QueryParameters.unknown(params, FilterParser.PARAMETERS));
        AlertFilter asked = filters.query(params, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-request", "The stream's parameters are not valid.", errors);
        }
        return new Filter(asked, reader);
    }

    /**
     * Each recent event's data per language list, and its severity, worked out once per
     * event instead of once per client: the hub hands each event to every client in turn,
     * and clients replaying after a reconnection read the same events again (with 1,000
     * streams, parsing the alert per client was most of the fan-out). Kept for the last 256
     * events, by event id.
     */
    private static final class Rendered {
        private static final int KEEP = 256;

        private record Memo(int severity, Map<List<String>, String> data) {
        }

        private final Lru<String, Memo> recent = new Lru<>(KEEP);

        synchronized String data(EventLog.Entry entry, List<String> languages) {
            return memo(entry).data().computeIfAbsent(languages, wanted -> EventBody.alert(entry.payload(), wanted));
        }

        synchronized int severity(EventLog.Entry entry) {
            return memo(entry).severity();
        }

        private Memo memo(EventLog.Entry entry) {
            return recent.computeIfAbsent(entry.id(), id -> new Memo(severityRank(entry), new HashMap<>()));
        }
    }

    private static final Rendered RENDERED = new Rendered();

    /** The most severe of the event's infos. */
    private static int severityRank(EventLog.Entry entry) {
        int worst = -1;
        try {
            for (JsonNode info : JSON.readTree(entry.payload()).path("info")) {
                String severity = info.path("severity").asText();
                if (CapEnums.SEVERITY.contains(severity)) {
                    worst = Math.max(worst, CapEnums.severityRank(severity));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return -1;
        }
        return worst;
    }
}
