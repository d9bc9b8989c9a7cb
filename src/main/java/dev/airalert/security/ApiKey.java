package dev.airalert.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** An API key: name, roles, the hash of its secret; revoked keys are kept for the record. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    UUID id;

    @Column(nullable = false)
    String name;

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

    protected ApiKey() {
    }

    ApiKey(UUID id, String name, Set<String> roles, String secret, Instant createdAt) {
        this.id = id;
        this.name = name;
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

    Set<String> roleSet() {
        return new TreeSet<>(Arrays.asList(roles.split(",")));
    }

    ApiKeyView view() {
        return new ApiKeyView(id, name, roleSet(), prefix, createdAt, revokedAt);
    }
}
