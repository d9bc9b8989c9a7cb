package dev.airalert.security;

import dev.airalert.NativeValues;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** API keys in the database. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    private final AgroalDataSource dataSource;

    ApiKeyRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The caller of the usable (not revoked) key with this secret hash. Read at every request,
     * so that a key revoked or changed on any instance counts at once on all; with two plain
     * statements on one connection (in the caller's transaction if it has one, else on its
     * own), as loading the key as an entity in a transaction of its own cost a tenth of a
     * publish's CPU.
     */
    Optional<Caller> usableCallerBySecretHash(String hash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement key = c.prepareStatement("SELECT id, holder, roles, publishes_per_minute"
                        + " FROM api_key WHERE secret_hash = ? AND revoked_at IS NULL");
                PreparedStatement grants = c.prepareStatement(
                        "SELECT 's', pattern FROM api_key_sender WHERE key_id = ?"
                        + " UNION ALL SELECT 'r', region_code FROM api_key_region WHERE key_id = ?"
                        + " UNION ALL SELECT 'a', address FROM api_key_address WHERE key_id = ?")) {
            key.setString(1, hash);
            UUID id;
            String holder;
            String roles;
            Integer publishesPerMinute;
            try (ResultSet rs = key.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = NativeValues.uuid(rs.getObject(1));
                holder = rs.getString(2);
                roles = rs.getString(3);
                int perMinute = rs.getInt(4);
                publishesPerMinute = rs.wasNull() ? null : perMinute;
            }
            for (int i = 1; i <= 3; i++) {
                grants.setObject(i, id);
            }
            Set<String> senders = new TreeSet<>();
            Set<String> regions = new TreeSet<>();
            Set<String> addresses = new TreeSet<>();
            try (ResultSet rs = grants.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "s" -> senders.add(rs.getString(2));
                        case "r" -> regions.add(rs.getString(2));
                        default -> addresses.add(rs.getString(2));
                    }
                }
            }
            return Optional.of(ApiKey.caller(id, holder, roles, senders, regions, addresses, publishesPerMinute));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the API key failed", e);
        }
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
