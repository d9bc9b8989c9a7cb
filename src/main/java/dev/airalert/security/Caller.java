package dev.airalert.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking, as every rule about rights sees it: the key (its id, or {@code admin} for
 * the configured admin key; null when anonymous), the person or system holding it, its
 * roles, the senders and regions it may publish for, the addresses whose restricted alerts
 * it may read, its own publish limit (null: the default), and the client address the
 * request came from.
 */
public record Caller(String keyId, String holder, Set<String> roles, SenderPatterns senders,
        Set<String> regions, Set<String> addresses, Integer publishesPerMinute, String clientAddress) {

    /** The principal name of the configured admin key, which has no stored id. */
    public static final String CONFIGURED_ADMIN = "admin";

    public Caller {
        roles = Set.copyOf(roles);
        regions = Set.copyOf(regions);
        addresses = Set.copyOf(addresses);
    }

    public static Caller anonymous(String clientAddress) {
        return new Caller(null, null, Set.of(), SenderPatterns.none(), Set.of(), Set.of(), null, clientAddress);
    }

    /** The configured admin key: every right, no stored record. */
    static Caller configuredAdmin() {
        return new Caller(CONFIGURED_ADMIN, "configured admin key", Set.of(Roles.ADMIN), SenderPatterns.none(),
                Set.of(), Set.of(), null, null);
    }

    public Caller at(String address) {
        return new Caller(keyId, holder, roles, senders, regions, addresses, publishesPerMinute, address);
    }

    public boolean isAnonymous() {
        return keyId == null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    /** The stored key's id; null for the configured admin key and anonymous callers. */
    public UUID keyUuid() {
        if (keyId == null || CONFIGURED_ADMIN.equals(keyId)) {
            return null;
        }
        return UUID.fromString(keyId);
    }
}
