package dev.airalert.compat;

import dev.airalert.AirAlertConfig;
import dev.airalert.security.Caller;
import dev.airalert.security.ClientAddresses;
import dev.airalert.security.RateLimits;
import dev.airalert.security.ReaderTokens;
import dev.airalert.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may read the compatible APIs, and how often. The token is an API key with the
 * {@code reader} role: as {@code Authorization: Bearer <key>} or {@code ?token=<key>}
 * (alerts.in.ua's ways) or {@code Authorization: <key>} (ukrainealarm's). With
 * {@code airalert.compat.open} no token is needed. Each key has {@code requests-per-minute}
 * from each client address and {@value #KEY_ADDRESSES} times that in all (without a token, each
 * address has {@code anonymous-requests-per-minute}); past it, 429 with Retry-After. The token is never
 * logged: nothing here writes it anywhere.
 */
@ApplicationScoped
class CompatAccess {

    /** How many addresses' allowances one key has in all. */
    static final int KEY_ADDRESSES = 10;

    private final AirAlertConfig.Compat config;
    private final ReaderTokens tokens;
    private final RateLimits limits;
    private final ClientAddresses addresses;

    CompatAccess(AirAlertConfig config, ReaderTokens tokens, RateLimits limits, ClientAddresses addresses) {
        this.config = config.compat();
        this.tokens = tokens;
        this.limits = limits;
        this.addresses = addresses;
    }

    /** Lets a reading request through, or throws the error its client expects. */
    void admit(HttpServerRequest request, String queryToken) {
        reader(request, queryToken);
    }

    /** Lets a history request through: a reading one, within the smaller allowance of histories. */
    void admitHistory(HttpServerRequest request, String queryToken) {
        limit("history:" + reader(request, queryToken), config.historyRequestsPerMinute());
    }

    /** Who reads: {@code key:<id>@<client>}, or {@code address:<client>} without a token when the APIs are open. */
    private String reader(HttpServerRequest request, String queryToken) {
        if (!config.enabled()) {
            throw CompatError.notFound();
        }
        String token = token(request.getHeader("Authorization"), queryToken);
        if (token == null && config.open()) {
            String who = "address:" + addresses.of(request);
            limit(who, config.anonymousRequestsPerMinute());
            return who;
        }
        return "key:" + keyWith(request, token, Roles.READER).keyId() + "@" + addresses.of(request);
    }

    /**
     * The key of a request that changes something (a webhook): always a key, with {@code role},
     * even when the reading APIs are open.
     */
    Caller keyWith(HttpServerRequest request, String token, String role) {
        if (!config.enabled()) {
            throw CompatError.notFound();
        }
        if (token == null) {
            throw new CompatError(401, "API token required: send Authorization: Bearer <key> or ?token=<key>");
        }
        String address = addresses.of(request);
        ReaderTokens.Check check = tokens.check(token, address);
        if (check instanceof ReaderTokens.Check.Blocked blocked) {
            throw new CompatError(429, "Too many failed authentications from this address", blocked.seconds());
        }
        if (!(check instanceof ReaderTokens.Check.Valid valid)) {
            throw new CompatError(401, "Invalid or revoked API token");
        }
        Caller caller = valid.caller();
        if (!caller.has(role)) {
            throw new CompatError(403, "This key has no " + role + " role");
        }
        // Per address first: whoever copied a device's key from a log uses up their own allowance,
        // and only many addresses at once reach the key's whole one (its devices' too).
        limit("key:" + caller.keyId() + "@" + address, config.requestsPerMinute());
        limit("key:" + caller.keyId(), config.requestsPerMinute() * KEY_ADDRESSES);
        return caller;
    }

    private void limit(String who, int perMinute) {
        long wait = limits.request(who, perMinute);
        if (wait > 0) {
            throw new CompatError(429, "Too many requests: " + perMinute + " a minute are allowed", wait);
        }
    }

    /** The token from {@code Authorization} (with or without the Bearer scheme) or the query. */
    static String token(String authorization, String queryToken) {
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.trim();
            return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
        }
        return queryToken == null || queryToken.isBlank() ? null : queryToken.trim();
    }
}
