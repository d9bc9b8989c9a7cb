package dev.airalert.security;

import dev.airalert.Clocks;
import dev.airalert.region.RegionResolver;
import dev.airalert.web.FieldError;
import dev.airalert.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creating, changing, listing, revoking and checking API keys. */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final AdminKey adminKey;
    private final RegionResolver regions;
    private final Event<AuditEvent> audit;
    private final Event<KeyRevoked> revoked;
    private final Clock clock = Clocks.UTC;

    ApiKeyService(ApiKeyRepository keys, AdminKey adminKey, RegionResolver regions, Event<AuditEvent> audit,
            Event<KeyRevoked> revoked) {
        this.keys = keys;
        this.adminKey = adminKey;
        this.regions = regions;
        this.audit = audit;
        this.revoked = revoked;
    }

    @Transactional
    public CreatedApiKey create(CreateApiKeyRequest request, Caller by) {
        Set<String> roles = new HashSet<>(request.roles());
        List<FieldError> errors = new ArrayList<>();
        boolean speaksForSenders = roles.contains(Roles.PUBLISHER) || roles.contains(Roles.APPROVER);
        if (speaksForSenders && (request.senders() == null || request.senders().isEmpty())) {
            errors.add(new FieldError("senders", "is required for publisher and approver keys: the CAP senders"
                    + " this key may publish or approve as (exact, with '*' patterns, or \"*\" for any)"));
        }
        if (!speaksForSenders && request.senders() != null && !request.senders().isEmpty()) {
            errors.add(new FieldError("senders", "only publisher and approver keys speak for senders"));
        }
        if (!roles.contains(Roles.PUBLISHER) && request.regions() != null && !request.regions().isEmpty()) {
            errors.add(new FieldError("regions", "only publisher keys are bound to regions"));
        }
        readerProblems(roles, request.addresses(), errors);
        String secret = ApiKeySecrets.generate();
        ApiKey key = new ApiKey(UUID.randomUUID(), request.name().trim(), request.holder().trim(), roles, secret,
                clock.instant());
        key.publishesPerMinute = request.publishesPerMinute();
        apply(key, request.senders(), request.regions(), request.addresses(), errors);
        keys.persist(key);
        ApiKeyView view = key.view();
        audit.fire(AuditEvent.accepted(AuditEvent.KEY_CREATED, by, null, null, describe(view)));
        return new CreatedApiKey(view, secret);
    }

    @Transactional
    public Optional<ApiKeyView> update(UUID id, UpdateApiKeyRequest request, Caller by) {
        return keys.findByIdOptional(id).map(key -> {
            List<FieldError> errors = new ArrayList<>();
            Set<String> roles = key.roleSet();
            if (request.senders() != null && request.senders().isEmpty()
                    && (roles.contains(Roles.PUBLISHER) || roles.contains(Roles.APPROVER))) {
                errors.add(new FieldError("senders", "must not be empty for a publisher or approver key"));
            }
            readerProblems(roles, request.addresses(), errors);
            if (request.name() != null) {
                key.name = request.name().trim();
            }
            if (request.holder() != null) {
                key.holder = request.holder().trim();
            }
            if (request.publishesPerMinute() != null) {
                key.publishesPerMinute = request.publishesPerMinute();
            }
            apply(key, request.senders(), request.regions(), request.addresses(), errors);
            ApiKeyView view = key.view();
            audit.fire(AuditEvent.accepted(AuditEvent.KEY_UPDATED, by, null, null, describe(view)));
            return view;
        });
    }

    /**
     * A reader key travels in devices' URLs and logs: it reads public alerts and nothing more.
     * Only subscriber goes with it (a ukrainealarm client registers its webhook with the key it
     * reads with, in a header), and no addresses, which would open Restricted alerts to it.
     */
    private static void readerProblems(Set<String> roles, List<String> addresses, List<FieldError> errors) {
        if (!roles.contains(Roles.READER)) {
            return;
        }
        if (!Set.of(Roles.READER, Roles.SUBSCRIBER).containsAll(roles)) {
            errors.add(new FieldError("roles", "a reader key may also be a subscriber, nothing else: devices put it in"
                    + " URLs and logs"));
        }
        if (addresses != null && !addresses.isEmpty()) {
            errors.add(new FieldError("addresses", "a reader key reads public alerts only"));
        }
    }

    private void apply(ApiKey key, List<String> senders, List<String> regionNames, List<String> addresses,
            List<FieldError> errors) {
        if (senders != null) {
            for (int i = 0; i < senders.size(); i++) {
                int index = i;
                SenderPatterns.problem(senders.get(i))
                        .ifPresent(p -> errors.add(new FieldError("senders[" + index + "]", p)));
            }
            key.replace(key.senders, senders);
        }
        if (regionNames != null) {
            Set<String> codes = new LinkedHashSet<>();
            for (int i = 0; i < regionNames.size(); i++) {
                int index = i;
                String name = regionNames.get(i) == null ? "" : regionNames.get(i);
                RegionResolver.Lookup lookup = regions.lookup(name);
                lookup.code().ifPresentOrElse(codes::add,
                        () -> errors.add(new FieldError("regions[" + index + "]", lookup.problem(name))));
            }
            key.replace(key.regions, codes);
        }
        if (addresses != null) {
            for (int i = 0; i < addresses.size(); i++) {
                String address = addresses.get(i);
                if (address == null || address.isBlank() || address.length() > 1024) {
                    errors.add(new FieldError("addresses[" + i + "]", "must be 1 to 1024 characters"));
                }
            }
            key.replace(key.addresses, addresses.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("/problems/invalid-request",
                    "The key request has " + errors.size() + " invalid field(s).", errors);
        }
    }

    @Transactional
    public List<ApiKeyView> list() {
        return keys.listNewestFirst().stream().map(ApiKey::view).toList();
    }

    @Transactional
    public Optional<ApiKeyView> get(UUID id) {
        return keys.findByIdOptional(id).map(ApiKey::view);
    }

    /** Revokes the key; what it owns stops in the same transaction. */
    @Transactional
    public Optional<ApiKeyView> revoke(UUID id, Caller by) {
        return keys.findByIdOptional(id).map(key -> {
            if (!key.isRevoked()) {
                key.revoke(clock.instant());
                revoked.fire(new KeyRevoked(key.id.toString(), key.revokedAt));
                audit.fire(AuditEvent.accepted(AuditEvent.KEY_REVOKED, by, null, null, "key " + key.id));
            }
            return key.view();
        });
    }

    /** The caller a stored key stands for, if it exists and is not revoked; joins or opens a transaction. */
    public Optional<Caller> callerOf(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> keys.findByIdOptional(id)
                .filter(k -> !k.isRevoked()).map(ApiKey::caller));
    }

    /** Which of these key ids are revoked or gone; joins or opens a transaction. */
    public Set<String> revokedAmong(Set<String> keyIds) {
        return QuarkusTransaction.joiningExisting().call(() -> keys.revokedAmong(keyIds));
    }

    /** The caller a bearer secret identifies, if any; blocking (reads the database). */
    Optional<Caller> authenticate(String secret) {
        if (adminKey.matches(secret)) {
            return Optional.of(Caller.configuredAdmin());
        }
        return keys.usableCallerBySecretHash(ApiKeySecrets.hash(secret));
    }

    private static String describe(ApiKeyView v) {
        return "key " + v.id() + " '" + v.name() + "' held by '" + v.holder() + "', roles " + v.roles()
                + (v.senders().isEmpty() ? "" : ", senders " + v.senders())
                + (v.regions().isEmpty() ? "" : ", regions " + v.regions())
                + (v.addresses().isEmpty() ? "" : ", addresses " + v.addresses());
    }
}
