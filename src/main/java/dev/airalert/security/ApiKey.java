package dev.airalert.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An API key: name, holder, roles, the hash of its secret, and what it may do: the senders
 * and regions it publishes for, the addresses of restricted alerts it may read. Revoked
 * keys are kept for the record.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    UUID id;

    @Column(nullable = false)
    String name;

    /** The person or system holding the key: four eyes means two different holders. */
    @Column(nullable = false)
    String holder;

    /** Comma-separated, sorted. */
    @Column(nullable = false)
    String roles;

    @Column(nullable = false)
    String prefix;

    @Column(name = "secret_hash", nullable = false)
    String secretHash;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "publishes_per_minute")
    Integer publishesPerMinute;

    @ElementCollection
    @CollectionTable(name = "api_key_sender", joinColumns = @JoinColumn(name = "key_id"))
    @Column(name = "pattern")
    Set<String> senders = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "api_key_region", joinColumns = @JoinColumn(name = "key_id"))
    @Column(name = "region_code")
    Set<String> regions = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "api_key_address", joinColumns = @JoinColumn(name = "key_id"))
    @Column(name = "address")
    Set<String> addresses = new TreeSet<>();

    protected ApiKey() {
    }

    ApiKey(UUID id, String name, String holder, Set<String> roles, String secret, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.holder = holder;
        this.roles = String.join(",", new TreeSet<>(roles));
        this.prefix = ApiKeySecrets.displayPrefix(secret);
        this.secretHash = ApiKeySecrets.hash(secret);
        this.createdAt = createdAt;
    }

    /** Revoking twice keeps the first time: the record says when access ended. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void replace(Set<String> target, Collection<String> values) {
        target.clear();
        target.addAll(values);
    }

    Set<String> roleSet() {
        return roleSet(roles);
    }

    /** The roles as stored: comma-separated. */
    private static Set<String> roleSet(String roles) {
        return new TreeSet<>(Arrays.asList(roles.split(",")));
    }

    Caller caller() {
        return caller(id, holder, roles, senders, regions, addresses, publishesPerMinute);
    }

    /** The caller a key stands for, from its stored fields (the entity's, or a plain read of them). */
    static Caller caller(UUID id, String holder, String roles, Set<String> senders, Set<String> regions,
            Set<String> addresses, Integer publishesPerMinute) {
        return new Caller(id.toString(), holder, roleSet(roles), SenderPatterns.of(senders), regions, addresses,
                publishesPerMinute, null);
    }

    ApiKeyView view() {
        return new ApiKeyView(id, name, holder, roleSet(), new TreeSet<>(senders), new TreeSet<>(regions),
                new TreeSet<>(addresses), publishesPerMinute, prefix, createdAt, revokedAt);
    }
}
