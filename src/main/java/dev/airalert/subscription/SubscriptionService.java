package dev.airalert.subscription;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.cap.CapEnums;
import dev.airalert.filter.FilterParser;
import dev.airalert.outbound.TargetGuard;
import dev.airalert.region.CapShapes;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.LatLon;
import dev.airalert.region.Region;
import dev.airalert.security.SecretBox;
import dev.airalert.threat.ThreatLevel;
import dev.airalert.threat.ThreatType;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Creating and managing subscriptions. Every operation is scoped to the calling key: a key
 * never sees or changes another key's subscriptions (it gets 404, as if they did not exist).
 * Regions, events, the severity floor, CAP values and languages are read by
 * {@link FilterParser}, as history and the stream read them.
 */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final FilterParser filters;
    private final Gazetteer gazetteer;
    private final TargetGuard guard;
    private final AirAlertConfig config;
    private final SecretBox box;
    private final Clock clock = Clocks.UTC;

    SubscriptionService(SubscriptionRepository subscriptions, FilterParser filters,
            Gazetteer gazetteer, TargetGuard guard, AirAlertConfig config, SecretBox box) {
        this.subscriptions = subscriptions;
        this.filters = filters;
        this.gazetteer = gazetteer;
        this.guard = guard;
        this.config = config;
        this.box = box;
    }

    @Transactional
    public SubscriptionView create(String owner, SubscriptionRequest request) {
        return created(owner, request, WebhookFormat.STANDARD);
    }

    /**
     * A subscription to every threat in the country, its deliveries in {@code format}: what a
     * client of another service's webhooks registers, one per key (a second one fails to commit:
     * the database holds them to it).
     */
    @Transactional
    public SubscriptionView createWholeCountry(String owner, String url, String country, WebhookFormat format,
            String description) {
        List<String> threats = ThreatType.WIRE_NAMES.stream().filter(t -> !t.equals(ThreatType.INFO.wire())).toList();
        return created(owner, new SubscriptionRequest(url, List.of(country), null, null, null, null, null,
                List.of("Actual"), null, threats, null, description, null), format);
    }

    /** The owner's subscriptions in this format, newest first. */
    @Transactional
    public List<SubscriptionView> inFormat(String owner, WebhookFormat format) {
        return subscriptions.findByOwner(owner).stream().filter(s -> format.code().equals(s.format))
                .map(s -> SubscriptionView.of(s, null)).toList();
    }

    private SubscriptionView created(String owner, SubscriptionRequest request, WebhookFormat format) {
        List<FieldError> errors = new ArrayList<>();
        if (request.url() == null || request.url().isBlank()) {
            errors.add(new FieldError("url", "is required"));
        }
        if ((request.regions() == null || request.regions().isEmpty()) && request.point() == null) {
            errors.add(new FieldError("regions", "give regions, a point, or both"));
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSecrets.generate();
        Subscription s = new Subscription(id, owner, box.seal(Subscription.secretPurpose(id), secret), clock.instant());
        s.statuses = "Actual";
        s.events = s.urgencies = s.certainties = s.languages = "";
        s.format = format.code();
        s.onePerOwner = format == WebhookFormat.STANDARD ? null : owner + "/" + format.code();
        apply(s, request, errors);
        subscriptions.persist(s);
        if (s.onePerOwner != null) {
            subscriptions.flush();   // a second one of its kind fails here, as a PersistenceException
        }
        return SubscriptionView.of(s, secret);
    }

    @Transactional
    public List<SubscriptionView> list(String owner) {
        return subscriptions.findByOwner(owner).stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    @Transactional
    public SubscriptionView get(String owner, UUID id) {
        return SubscriptionView.of(owned(owner, id), null);
    }

    @Transactional
    public SubscriptionView patch(String owner, UUID id, SubscriptionRequest request) {
        Subscription s = owned(owner, id);
        List<FieldError> errors = new ArrayList<>();
        if (request.url() != null && request.url().isBlank()) {
            errors.add(new FieldError("url", "must not be empty"));
        }
        apply(s, request, errors);
        s.updatedAt = clock.instant();
        return SubscriptionView.of(s, null);
    }

    /** Deletes the subscription with its deliveries, queued ones and their attempt log. */
    @Transactional
    public void delete(String owner, UUID id) {
        subscriptions.delete(owned(owner, id));
        subscriptions.deleteDeliveries(id);
    }

    @Transactional
    public RotatedSecret rotateSecret(String owner, UUID id) {
        Subscription s = owned(owner, id);
        Instant now = clock.instant();
        String secret = WebhookSecrets.generate();
        s.rotate(box.seal(Subscription.secretPurpose(id), secret), config.webhooks().rotationGrace(), now);
        return new RotatedSecret(secret, s.previousSecretUntil);
    }

    @Transactional
    public SubscriptionView enable(String owner, UUID id) {
        Subscription s = owned(owner, id);
        s.enable(clock.instant());
        return SubscriptionView.of(s, null);
    }

    /** The subscription if the caller owns it; 404 otherwise. Must run in a transaction. */
    public Subscription owned(String owner, UUID id) {
        return subscriptions.findOwned(id, owner).orElseThrow(NotFoundException::new);
    }

    private void apply(Subscription s, SubscriptionRequest r, List<FieldError> errors) {
        if (r.url() != null && !r.url().isBlank()) {
            guard.refusal(r.url()).ifPresent(why -> errors.add(new FieldError("url", why)));
            s.url = r.url().trim();
        }
        if (r.description() != null) {
            s.description = r.description();
        }
        if (r.deliverLate() != null) {
            s.deliverLate = r.deliverLate();
        }
        if (r.point() != null) {
            s.pointLat = r.point().lat();
            s.pointLon = r.point().lon();
            s.radiusKm = r.point().radiusKm();
        }
        if (r.regions() != null || r.point() != null) {
            s.regionCodes.clear();
            s.regionCodes.addAll(regionCodes(r, s, errors));
        }
        if (r.events() != null) {
            s.events = String.join(",", r.events().stream().map(FilterParser::event).toList());
        }
        if (r.minSeverity() != null) {
            FilterParser.severityRank(r.minSeverity(), "minSeverity", errors)
                    .ifPresent(rank -> s.minSeverityRank = rank.shortValue());
        }
        s.urgencies = r.urgencies() == null ? s.urgencies : known("urgencies", r.urgencies(), CapEnums.URGENCY, errors);
        s.certainties = r.certainties() == null ? s.certainties
                : known("certainties", r.certainties(), CapEnums.CERTAINTY, errors);
        s.statuses = r.statuses() == null ? s.statuses : known("statuses", r.statuses(), CapEnums.STATUS, errors);
        s.threats = r.threats() == null ? s.threats : known("threats", r.threats(), ThreatType.WIRE_NAMES, errors);
        s.threatLevels = r.levels() == null ? s.threatLevels
                : known("levels", r.levels(), ThreatLevel.WIRE_NAMES, errors);
        if (r.languages() != null) {
            List<String> languages = new ArrayList<>();
            for (int i = 0; i < r.languages().size(); i++) {
                FilterParser.language(r.languages().get(i), "languages[" + i + "]", errors).ifPresent(languages::add);
            }
            s.languages = String.join(",", languages);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-request",
                    "The subscription has " + errors.size() + " invalid field(s).", errors);
        }
    }

    /** Named regions by code; a point by the regions its circle touches and the country it lies in. */
    private Set<String> regionCodes(SubscriptionRequest r, Subscription s, List<FieldError> errors) {
        Set<String> codes = new TreeSet<>();
        List<String> named = r.regions() != null ? r.regions() : List.of();
        for (int i = 0; i < named.size(); i++) {
            filters.region(named.get(i), "regions[" + i + "]", errors).ifPresent(codes::add);
        }
        if (s.pointLat != null) {
            LatLon centre = new LatLon(s.pointLat, s.pointLon);
            gazetteer.touchedBy(CapShapes.circle(centre, s.radiusKm, gazetteer.geometryFactory())).keySet()
                    .stream().map(Region::code).forEach(codes::add);
            gazetteer.containing(centre).stream().map(Region::code).forEach(codes::add);
        }
        return codes;
    }

    /**
     * CAP values in the case CAP writes them, each once, comma-separated as stored (so the
     * longest list is every allowed value once, which its column holds); errors name {@code field[i]}.
     */
    private static String known(String field, List<String> values, List<String> allowed, List<FieldError> errors) {
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            FilterParser.known(values.get(i), allowed, field + "[" + i + "]", errors).ifPresent(result::add);
        }
        return String.join(",", result);
    }
}
