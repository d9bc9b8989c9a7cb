package dev.airalert.subscription;

import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.Sha256;
import dev.airalert.filter.FilterParser;
import dev.airalert.region.Gazetteer;
import dev.airalert.region.Region;
import dev.airalert.region.RegionKind;
import dev.airalert.security.SecretBox;
import dev.airalert.threat.ThreatType;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Browsers' push subscriptions: subscriptions of format {@link WebhookFormat#WEBPUSH}, owned by no
 * API key. Whoever holds the unsubscribe token given at creation may move (a new endpoint, after
 * the browser's {@code pushsubscriptionchange}) or delete one; nobody may list them. A browser may
 * follow {@code max-per-endpoint} places; the service keeps {@code max-subscriptions} at most;
 * one its browser has not confirmed for {@code expire-after} is deleted ({@link #expire}).
 */
@ApplicationScoped
public class PushSubscriptions {

    /** The owner of every push subscription: no API key has this id. */
    public static final String OWNER = "web-push";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration RECOUNT = Duration.ofSeconds(10);

    private final SubscriptionRepository subscriptions;
    private final FilterParser filters;
    private final Gazetteer gazetteer;
    private final PushEndpoints endpoints;
    private final SecretBox box;
    private final AirAlertConfig.Push config;
    private final Clock clock = Clocks.UTC;
    /** The count of push subscriptions last read, when, and how many this replica made since. */
    private volatile long counted = -1;
    private volatile Instant countedAt = Instant.EPOCH;
    private final AtomicLong created = new AtomicLong();

    PushSubscriptions(SubscriptionRepository subscriptions, FilterParser filters, Gazetteer gazetteer,
            PushEndpoints endpoints, SecretBox box, AirAlertConfig config) {
        this.subscriptions = subscriptions;
        this.filters = filters;
        this.gazetteer = gazetteer;
        this.endpoints = endpoints;
        this.box = box;
        this.config = config.push();
    }

    @Transactional
    public PushSubscriptionView create(PushSubscriptionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        PushSubscriptionRequest.BrowserSubscription browser = browser(request.subscription(), errors);
        List<String> places = new ArrayList<>();
        List<String> named = request.regions() == null ? List.of() : request.regions();
        if (named.isEmpty()) {
            errors.add(new FieldError("regions", "name at least one place"));
        }
        for (int i = 0; i < named.size(); i++) {
            filters.region(named.get(i), "regions[" + i + "]", errors).ifPresent(places::add);
        }
        Set<String> languages = new LinkedHashSet<>();
        List<String> asked = request.languages() == null ? List.of() : request.languages();
        for (int i = 0; i < asked.size(); i++) {
            FilterParser.language(asked.get(i), "languages[" + i + "]", errors).ifPresent(languages::add);
        }
        Set<String> types = new LinkedHashSet<>();
        List<String> kinds = request.types() == null ? List.of() : request.types();
        for (int i = 0; i < kinds.size(); i++) {
            FilterParser.known(kinds.get(i), ThreatType.WIRE_NAMES, "types[" + i + "]", errors).ifPresent(types::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-request",
                    "The push subscription has " + errors.size() + " invalid field(s).", errors);
        }
        String endpointKey = Sha256.hex(browser.endpoint().trim());
        if (subscriptions.count("endpointKey", endpointKey) >= config.maxPerEndpoint()) {
            throw new ProblemException(409, "/problems/too-many-push-subscriptions", "Too many places",
                    "This browser follows " + config.maxPerEndpoint() + " places already; unsubscribe one first.",
                    List.of(new FieldError("subscription.endpoint", "follows the most places allowed")));
        }
        if (total() >= config.maxSubscriptions()) {
            throw new ProblemException(503, "/problems/push-subscriptions-full", "No room for push subscriptions",
                    "This service keeps no more push subscriptions; try again later.");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String token = token();
        Subscription s = new Subscription(id, OWNER, sealedKeys(id, browser.keys()), now);
        s.url = browser.endpoint().trim();
        s.endpointKey = endpointKey;
        s.tokenHash = Sha256.hex(token);
        s.refreshedAt = now;
        s.place = places.get(0);
        s.format = WebhookFormat.WEBPUSH.code();
        s.statuses = "Actual";
        s.events = s.urgencies = s.certainties = "";
        s.languages = String.join(",", languages);
        s.threats = String.join(",", types);
        s.regionCodes.addAll(places);
        if (Boolean.TRUE.equals(request.wholeOblast())) {
            places.forEach(code -> oblastOf(code).ifPresent(s.regionCodes::add));
        }
        subscriptions.persist(s);
        created.incrementAndGet();
        return view(s, token);
    }

    /**
     * How many push subscriptions there are, near enough for the cap: counted at most every
     * {@link #RECOUNT} (a count reads the whole index), plus those this replica made since.
     */
    private long total() {
        Instant now = clock.instant();
        if (counted < 0 || now.isAfter(countedAt.plus(RECOUNT))) {
            created.set(0);
            counted = subscriptions.count("format", WebhookFormat.WEBPUSH.code());
            countedAt = now;
        }
        return counted + created.get();
    }

    /** Moves it to the browser's new endpoint and keys, and counts as a refresh. */
    @Transactional
    public PushSubscriptionView move(UUID id, String token, PushSubscriptionRequest request) {
        Subscription s = held(id, token);
        List<FieldError> errors = new ArrayList<>();
        PushSubscriptionRequest.BrowserSubscription browser = browser(request.subscription(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-request",
                    "The push subscription has " + errors.size() + " invalid field(s).", errors);
        }
        Instant now = clock.instant();
        s.url = browser.endpoint().trim();
        s.endpointKey = Sha256.hex(s.url);
        s.secret = sealedKeys(id, browser.keys());
        s.refreshedAt = now;
        s.updatedAt = now;
        // A push service that answered 404/410 for the old endpoint does not know this one.
        s.enable(now);
        return view(s, null);
    }

    @Transactional
    public void delete(UUID id, String token) {
        subscriptions.delete(held(id, token));
        subscriptions.deleteDeliveries(id);
    }

    /** Deletes push subscriptions not confirmed for {@code expire-after}, a batch at a time; how many. */
    @Transactional
    public int expire(int batch) {
        Instant before = clock.instant().minus(config.expireAfter());
        List<Subscription> stale = subscriptions.find("format = ?1 and refreshedAt < ?2", WebhookFormat.WEBPUSH.code(),
                before).page(0, batch).list();
        stale.forEach(s -> {
            subscriptions.delete(s);
            subscriptions.deleteDeliveries(s.id);
        });
        return stale.size();
    }

    /** The keys a push message to this subscription is encrypted for: {@code p256dh} and {@code auth}. */
    public static String[] keys(List<String> secrets) {
        return secrets.get(0).split(" ", 2);
    }

    private String sealedKeys(UUID id, PushSubscriptionRequest.Keys keys) {
        return box.seal(Subscription.secretPurpose(id), keys.p256dh().trim() + " " + keys.auth().trim());
    }

    private PushSubscriptionRequest.BrowserSubscription browser(PushSubscriptionRequest.BrowserSubscription browser,
            List<FieldError> errors) {
        if (browser == null) {
            errors.add(new FieldError("subscription", "is required: the browser's PushSubscription as JSON"));
            return null;
        }
        if (browser.endpoint() == null || browser.endpoint().isBlank()) {
            errors.add(new FieldError("subscription.endpoint", "is required"));
        } else {
            endpoints.refusal(browser.endpoint().trim())
                    .ifPresent(why -> errors.add(new FieldError("subscription.endpoint", why)));
        }
        if (browser.keys() == null) {
            errors.add(new FieldError("subscription.keys", "is required (p256dh and auth)"));
        } else {
            PushEndpoints.keyRefusal(browser.keys().p256dh())
                    .ifPresent(why -> errors.add(new FieldError("subscription.keys.p256dh", why)));
            PushEndpoints.authRefusal(browser.keys().auth())
                    .ifPresent(why -> errors.add(new FieldError("subscription.keys.auth", why)));
        }
        return browser;
    }

    /** The subscription if the token is its own; 404 otherwise, as if it did not exist. */
    private Subscription held(UUID id, String token) {
        Subscription s = subscriptions.findByIdOptional(id).filter(found -> OWNER.equals(found.owner))
                .orElseThrow(NotFoundException::new);
        byte[] given = Sha256.hex(token == null ? "" : token).getBytes(StandardCharsets.US_ASCII);
        if (s.tokenHash == null || !MessageDigest.isEqual(given, s.tokenHash.getBytes(StandardCharsets.US_ASCII))) {
            throw new NotFoundException();
        }
        return s;
    }

    private Optional<String> oblastOf(String code) {
        Optional<Region> region = gazetteer.byCode(code);
        while (region.isPresent() && (region.get().kind() == RegionKind.RAION || region.get().kind() == RegionKind.HROMADA)
                && region.get().parent() != null) {
            region = gazetteer.byCode(region.get().parent());
        }
        return region.filter(r -> !r.isCountry()).map(Region::code);
    }

    private PushSubscriptionView view(Subscription s, String token) {
        List<String> languages = s.languages.isEmpty() ? List.of() : Arrays.asList(s.languages.split(","));
        List<String> types = s.threats.isEmpty() ? List.of() : Arrays.asList(s.threats.split(","));
        boolean wholeOblast = oblastOf(s.place).filter(o -> !o.equals(s.place) && s.regionCodes.contains(o)).isPresent();
        return new PushSubscriptionView(s.id, token, s.place, List.copyOf(s.regionCodes), languages, types, wholeOblast,
                s.refreshedAt.plus(config.expireAfter()));
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
