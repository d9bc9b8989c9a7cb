package dev.airalert.subscription;

import dev.airalert.security.SecretBox;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A webhook endpoint and what it wants. Its health (failing since, disabled and why) is
 * written by the delivery workers in batches; owners can only enable it again.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    UUID id;

    /** The API key id (or "admin") that created it; only that key sees and changes it. */
    @Column(nullable = false)
    String owner;

    @Column(nullable = false)
    String url;

    String description;

    @Column(name = "point_lat")
    Double pointLat;

    @Column(name = "point_lon")
    Double pointLon;

    @Column(name = "radius_km")
    Double radiusKm;

    @ElementCollection
    @CollectionTable(name = "subscription_region", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "region_code")
    Set<String> regionCodes = new TreeSet<>();

    @Column(nullable = false)
    String events;

    @Column(name = "min_severity_rank")
    Short minSeverityRank;

    @Column(nullable = false)
    String urgencies;

    @Column(nullable = false)
    String certainties;

    @Column(nullable = false)
    String statuses;

    @Column(nullable = false)
    String languages;

    @Column(nullable = false)
    String threats = "";

    @Column(name = "threat_levels", nullable = false)
    String threatLevels = "";

    /** {@link WebhookFormat#code()}. */
    @Column(nullable = false)
    String format = WebhookFormat.STANDARD.code();

    /** {@code <owner>/<format>} when the owner may have one subscription of its format; else null. */
    @Column(name = "one_per_owner")
    String onePerOwner;

    @Column(nullable = false)
    String secret;

    @Column(name = "previous_secret")
    String previousSecret;

    @Column(name = "previous_secret_until")
    Instant previousSecretUntil;

    @Column(nullable = false)
    boolean enabled;

    @Column(name = "disabled_reason")
    String disabledReason;

    @Column(name = "disabled_at")
    Instant disabledAt;

    @Column(name = "failing_since")
    Instant failingSince;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** When the key that owns it was revoked: it stopped then, for good. */
    @Column(name = "owner_revoked_at")
    Instant ownerRevokedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** Send an alert even after it expired or was ended while its delivery waited (off: recorded, not sent). */
    @Column(name = "deliver_late", nullable = false)
    boolean deliverLate;

    /** Web Push: SHA-256 of the endpoint, the browser's identity here. */
    @Column(name = "endpoint_key")
    String endpointKey;

    /** Web Push: SHA-256 of the unsubscribe token. */
    @Column(name = "token_hash")
    String tokenHash;

    /** Web Push: when the browser last confirmed the subscription. */
    @Column(name = "refreshed_at")
    Instant refreshedAt;

    /** Web Push: the place it was made for, where a notification's click opens the map. */
    @Column(name = "place")
    String place;

    protected Subscription() {
    }

    Subscription(UUID id, String owner, String sealedSecret, Instant now) {
        this.id = id;
        this.owner = owner;
        this.secret = sealedSecret;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * The secrets that sign at {@code now}, opened: the current one, and the previous one
     * during its grace after a rotation. Static, as the delivery workers read these columns
     * in bulk; both are stored sealed with the master key, bound to the subscription.
     */
    public static List<String> signingSecrets(SecretBox box, UUID id, String secret, String previousSecret,
            Instant previousSecretUntil, Instant now) {
        List<String> secrets = new ArrayList<>(List.of(box.open(secretPurpose(id), secret)));
        if (previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)) {
            secrets.add(box.open(secretPurpose(id), previousSecret));
        }
        return secrets;
    }

    /** What a subscription's sealed secrets are bound to: they open for this subscription only. */
    static String secretPurpose(UUID id) {
        return "webhook-secret/" + id;
    }

    /** Takes a new secret (sealed); the one before keeps signing for {@code grace}. */
    void rotate(String sealedSecret, Duration grace, Instant now) {
        previousSecret = secret;
        previousSecretUntil = now.plus(grace);
        secret = sealedSecret;
        updatedAt = now;
    }

    void ownerRevoked(Instant at, String reason) {
        ownerRevokedAt = at;
        enabled = false;
        disabledReason = reason;
        disabledAt = at;
        updatedAt = at;
    }

    void enable(Instant now) {
        enabled = true;
        disabledReason = null;
        disabledAt = null;
        failingSince = null;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    public SubscriptionFilter filter() {
        return SubscriptionFilter.of(events, minSeverityRank, urgencies, certainties, statuses, languages,
                pointLat, pointLon, radiusKm, threats, threatLevels);
    }
}
