package dev.airalert.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks the tokens of the compatible APIs' readers: API keys that devices poll with every few
 * seconds, put in URLs and keep in logs. A valid key is remembered for {@link #REMEMBERED}, so
 * that two hundred pollers cost no database lookup each; a key revoked here is forgotten at
 * once, one revoked on another replica within {@link #REMEMBERED}. An unknown key counts
 * against the client address's failed authentications like any other ({@link RateLimits}),
 * and an address that has used them up is told to wait before its key is even looked up.
 */
@ApplicationScoped
public class ReaderTokens {

    /** How long a valid key is taken as valid without looking again. */
    public static final Duration REMEMBERED = Duration.ofSeconds(5);

    /** What a token turned out to be. */
    public sealed interface Check {
        /** A valid key: who holds it. */
        record Valid(Caller caller) implements Check {
        }

        /** Unknown or revoked. */
        record Unknown() implements Check {
        }

        /** Not looked at: this address failed too often; it may try again in {@code seconds}. */
        record Blocked(long seconds) implements Check {
        }
    }

    private final ApiKeyService keys;
    private final RateLimits limits;
    private final Cache<String, Caller> valid = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(REMEMBERED).build();

    ReaderTokens(ApiKeyService keys, RateLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    /** The key behind this secret, asked from {@code address}. Blocking: may read the database. */
    public Check check(String secret, String address) {
        String hash = ApiKeySecrets.hash(secret);
        Caller known = valid.getIfPresent(hash);
        if (known != null) {
            return new Check.Valid(known.at(address));
        }
        long wait = limits.authenticationBlockedFor(address, secret);
        if (wait > 0) {
            return new Check.Blocked(wait);
        }
        Optional<Caller> caller = keys.authenticate(secret);
        if (caller.isEmpty()) {
            limits.authenticationFailed(address);
            return new Check.Unknown();
        }
        limits.authenticated(secret);
        valid.put(hash, caller.get());
        return new Check.Valid(caller.get().at(address));
    }

    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) KeyRevoked revoked) {
        valid.asMap().values().removeIf(c -> revoked.keyId().equals(c.keyId()));
    }
}
