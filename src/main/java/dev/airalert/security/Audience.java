package dev.airalert.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who may read an alert that went out, by CAP {@code scope}: a Public alert anyone; a
 * Restricted or Private one only admins, the key that published it, and keys carrying one
 * of the alert's {@code addresses}. One rule for every way an alert is read: history, the
 * alert itself, webhooks (the subscription's key), streams (the stream's key); the map, the
 * status, the Atom feed and broker topics are anonymous, so they carry Public alerts only.
 */
public record Audience(boolean isPublic, Set<String> addresses, UUID publishedBy) {

    public static final String PUBLIC = "public";
    public static final String RESTRICTED = "restricted";

    public Audience {
        addresses = addresses == null ? Set.of() : Set.copyOf(addresses);
    }

    public static Audience of(String scope, Set<String> addresses, UUID publishedBy) {
        return new Audience("Public".equals(scope), addresses, publishedBy);
    }

    public boolean admits(Caller reader) {
        if (isPublic || reader.isAdmin()) {
            return true;
        }
        if (reader.isAnonymous()) {
            return false;
        }
        return publishedBy != null && publishedBy.equals(reader.keyUuid())
                || reader.addresses().stream().anyMatch(addresses::contains);
    }

    /** How the event log labels it: {@value #PUBLIC} or {@value #RESTRICTED}. */
    public String label() {
        return isPublic ? PUBLIC : RESTRICTED;
    }
}
