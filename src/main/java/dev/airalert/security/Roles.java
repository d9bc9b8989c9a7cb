package dev.airalert.security;

import java.util.Set;

/** The roles an API key can carry. */
public final class Roles {

    public static final String PUBLISHER = "publisher";
    public static final String SUBSCRIBER = "subscriber";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(PUBLISHER, SUBSCRIBER, ADMIN);

    private Roles() {
    }
}
