package dev.airalert.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Creating, listing, revoking and checking API keys. */
@ApplicationScoped
public class ApiKeyService {

    /** Who a secret belongs to: the principal name is the key id, or "admin". */
    record Caller(String name, Set<String> roles) {
    }

    private final ApiKeyRepository keys;
    private final AdminKey adminKey;
    private final Clock clock = Clock.systemUTC();

    ApiKeyService(ApiKeyRepository keys, AdminKey adminKey) {
        this.keys = keys;
        this.adminKey = adminKey;
    }

    @Transactional
    public CreatedApiKey create(CreateApiKeyRequest request) {
        String secret = ApiKeySecrets.generate();
        ApiKey key = new ApiKey(UUID.randomUUID(), request.name().trim(),
                new HashSet<>(request.roles()), secret, clock.instant());
        keys.persist(key);
        ApiKeyView view = key.view();
        return new CreatedApiKey(view.id(), view.name(), view.roles(), view.prefix(),
                view.createdAt(), secret);
    }

    @Transactional
    public List<ApiKeyView> list() {
        return keys.listNewestFirst().stream().map(ApiKey::view).toList();
    }

    @Transactional
    public Optional<ApiKeyView> revoke(UUID id) {
        return keys.findByIdOptional(id).map(key -> {
            key.revoke(clock.instant());
            return key.view();
        });
    }

    /**
     * Whether the key with this id may publish now (exists, not revoked, has the publisher
     * role): what a broker ingest source configured to publish as it is allowed to do.
     */
    public boolean mayPublish(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> keys.findByIdOptional(id)
                .filter(k -> k.revokedAt == null && k.roleSet().contains(Roles.PUBLISHER)).isPresent());
    }

    /** The caller a bearer secret identifies, if any; blocking (reads the database). */
    Optional<Caller> authenticate(String secret) {
        if (adminKey.matches(secret)) {
            return Optional.of(new Caller("admin", Set.of(Roles.ADMIN)));
        }
        return QuarkusTransaction.joiningExisting().call(() ->
                keys.findUsableBySecretHash(ApiKeySecrets.hash(secret))
                        .map(k -> new Caller(k.id.toString(), k.roleSet())));
    }
}
