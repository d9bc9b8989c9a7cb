package dev.airalert.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.airalert.AirAlertConfig;
import dev.airalert.Cidr;
import dev.airalert.web.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Per-replica token buckets: failed authentications per client address, published alerts
 * per key. Each bucket holds a minute's allowance and refills evenly over the minute, so a
 * real authority can send a burst (the default lets 2,000 alerts through at once) while a
 * flood is held to the rate. Buckets live in bounded caches: an attacker changing addresses
 * costs memory only up to the bound. Counted in {@code airalert_rate_limited_total{limit}}.
 */
@ApplicationScoped
public class RateLimits {

    private static final Duration REFILL = Duration.ofMinutes(1);

    private final AirAlertConfig.Security config;
    private final Cache<String, Bucket> failedAuthentications = bounded();
    private final Cache<String, Bucket> publishes = bounded();
    private final Cache<String, Bucket> refusals = bounded();
    private final Cache<String, Bucket> requests = bounded();
    /** Hashes of keys that authenticated lately: an address held off for guessing does not lock them out. */
    private final Cache<String, Boolean> recentlyValid = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(1)).build();
    private final Counter authLimited;
    private final Counter publishLimited;
    private final Counter requestLimited;
    private final Counter authFailures;

    RateLimits(AirAlertConfig config, MeterRegistry registry) {
        this.config = config.security();
        this.authLimited = limited(registry, "failed-authentication");
        this.publishLimited = limited(registry, "publish");
        this.requestLimited = limited(registry, "compat-request");
        this.authFailures = Counter.builder("airalert.authentication.failures")
                .description("Requests with an unknown or revoked API key").register(registry);
    }

    private static Counter limited(MeterRegistry registry, String limit) {
        return Counter.builder("airalert.rate.limited").description("Requests refused with 429, by limit")
                .tag("limit", limit).register(registry);
    }

    private static Cache<String, Bucket> bounded() {
        return Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(REFILL.multipliedBy(2)).build();
    }

    /**
     * Seconds this address must wait before it may try this key; 0 when it may now. A key that
     * authenticated lately on this replica always may: a guesser (or a forgotten revoked key in
     * a cron job) behind the same address must not lock out the publisher whose key is valid.
     */
    public long authenticationBlockedFor(String address, String secret) {
        if (secret != null && recentlyValid.getIfPresent(ApiKeySecrets.hash(secret)) != null) {
            return 0;
        }
        Bucket bucket = failedAuthentications.getIfPresent(bucketOf(address));
        long wait = bucket == null ? 0 : bucket.waitSecondsFor(1);
        if (wait > 0) {
            authLimited.increment();
        }
        return wait;
    }

    void authenticationFailed(String address) {
        authFailures.increment();
        failedAuthentications.get(bucketOf(address), a -> new Bucket(config.failedAuthenticationsPerMinute())).take(1);
    }

    /**
     * Whether another refusal of this key goes into the audit trail: at most a minute's
     * allowance of them (as many as failed authentications an address may make), so that a
     * key hammering what it may not do cannot flood the trail; beyond, only the metric counts.
     */
    public boolean auditRefusal(String keyId) {
        return refusals.get(String.valueOf(keyId), k -> new Bucket(config.failedAuthenticationsPerMinute() * 3))
                .tryTake(1) == 0;
    }

    void authenticated(String secret) {
        recentlyValid.put(ApiKeySecrets.hash(secret), Boolean.TRUE);
    }

    /** One bucket per IPv4 address, and per IPv6 /64: one end network gets a whole /64 to pick from. */
    public static String bucketOf(String address) {
        return Cidr.literal(address).filter(a -> a.getAddress().length == 16)
                .map(a -> {
                    byte[] prefix = java.util.Arrays.copyOf(a.getAddress(), 8);
                    return java.util.HexFormat.of().formatHex(prefix) + "::/64";
                }).orElse(address);
    }

    /** Takes {@code alerts} from the caller's publish allowance, or refuses with 429 and Retry-After. */
    public void publishing(Caller caller, int alerts) {
        int perMinute = caller.publishesPerMinute() != null ? caller.publishesPerMinute() : config.publishesPerMinute();
        Bucket bucket = publishes.get(caller.keyId() + "/" + perMinute, k -> new Bucket(perMinute));
        long wait = bucket.tryTake(alerts);
        if (wait > 0) {
            publishLimited.increment();
            throw ProblemException.tooManyRequests("This key may publish " + perMinute + " alerts a minute;"
                    + " this request of " + alerts + " would exceed it. Try again after Retry-After.", wait);
        }
    }

    /**
     * Takes one request from {@code who}'s allowance of {@code perMinute}: 0 when allowed,
     * else the seconds until the next is (nothing taken). For readers of the compatible APIs,
     * by key or by client address.
     */
    public long request(String who, int perMinute) {
        long wait = requests.get(who + "/" + perMinute, k -> new Bucket(perMinute)).tryTake(1);
        if (wait > 0) {
            requestLimited.increment();
        }
        return wait;
    }

    /** A token bucket: {@code capacity} tokens, refilled at {@code capacity} a minute. */
    static final class Bucket {
        private final double capacity;
        private double tokens;
        private long at = System.nanoTime();

        Bucket(int capacity) {
            this.capacity = capacity;
            this.tokens = capacity;
        }

        /** Takes n tokens, even below zero: failures count whether or not they were allowed. */
        synchronized void take(int n) {
            refill();
            tokens = Math.max(-capacity, tokens - n);
        }

        /** Takes n tokens if there are; otherwise the seconds until there will be (nothing taken). */
        synchronized long tryTake(int n) {
            refill();
            if (n > capacity) {
                return REFILL.toSeconds();
            }
            if (tokens >= n) {
                tokens -= n;
                return 0;
            }
            return waitFor(n);
        }

        synchronized long waitSecondsFor(int n) {
            refill();
            return tokens >= n ? 0 : waitFor(n);
        }

        private long waitFor(int n) {
            double perSecond = capacity / REFILL.toSeconds();
            return (long) Math.ceil((n - tokens) / perSecond);
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - at) * capacity / REFILL.toNanos());
            at = now;
        }
    }
}
