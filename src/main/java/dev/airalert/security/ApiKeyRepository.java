package dev.airalert.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** API keys in the database. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    Optional<ApiKey> findUsableBySecretHash(String hash) {
        return getEntityManager().createQuery("select distinct k from ApiKey k left join fetch k.senders"
                        + " left join fetch k.regions left join fetch k.addresses"
                        + " where k.secretHash = ?1 and k.revokedAt is null", ApiKey.class)
                .setParameter(1, hash).getResultList().stream().findFirst();
    }

    List<ApiKey> listNewestFirst() {
        return list("order by createdAt desc");
    }

    /** The ids among these that name no usable key (revoked, unknown or malformed). */
    Set<String> revokedAmong(Set<String> ids) {
        Set<UUID> asked = new HashSet<>();
        Set<String> gone = new HashSet<>();
        for (String id : ids) {
            try {
                asked.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                if (!Caller.CONFIGURED_ADMIN.equals(id)) {
                    gone.add(id);
                }
            }
        }
        if (asked.isEmpty()) {
            return gone;
        }
        Set<String> usable = new HashSet<>();
        getEntityManager().createQuery("select k.id from ApiKey k where k.id in ?1 and k.revokedAt is null", UUID.class)
                .setParameter(1, asked).getResultList().forEach(id -> usable.add(id.toString()));
        asked.stream().map(UUID::toString).filter(id -> !usable.contains(id)).forEach(gone::add);
        return gone;
    }
}
