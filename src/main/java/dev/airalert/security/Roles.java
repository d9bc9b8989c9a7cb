package dev.airalert.security;

import java.util.Set;

/** The roles an API key can carry. */
public final class Roles {

    /** Publishes alerts as the senders (and in the regions) the key is bound to. */
    public static final String PUBLISHER = "publisher";
    /** Manages its own webhook subscriptions; reads restricted alerts addressed to it. */
    public static final String SUBSCRIBER = "subscriber";
    /** Confirms or discards alerts held for a second person's approval (four eyes). */
    public static final String APPROVER = "approver";
    /** Keys, senders, certificates, approval rules, the audit trail; sees every alert. */
    public static final String ADMIN = "admin";
    /** Reads metrics and the API description where those are put behind a key. */
    public static final String MONITOR = "monitor";
    /**
     * Reads the alerts.in.ua and ukrainealarm compatible APIs, and nothing else: devices put
     * this key in URLs and logs, so it must not be able to do more.
     */
    public static final String READER = "reader";
    public static final Set<String> ALL = Set.of(PUBLISHER, SUBSCRIBER, APPROVER, ADMIN, MONITOR, READER);

    private Roles() {
    }
}
