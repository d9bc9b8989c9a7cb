package dev.airalert.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in the database. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    Optional<ApiKey> findUsableBySecretHash(String hash) {
        return find("secretHash = ?1 and revokedAt is null", hash).firstResultOptional();
    }

    List<ApiKey> listNewestFirst() {
        return list("order by createdAt desc");
    }
}
