package dev.airalert.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The audit trail in the database: newest first, keyset-paginated on (at, id). */
@ApplicationScoped
class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    List<AuditEntry> search(AuditQuery q) {
        StringBuilder jpql = new StringBuilder("from AuditEntry e where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        where(jpql, params, "action", q.action());
        where(jpql, params, "outcome", q.outcome());
        where(jpql, params, "keyId", q.keyId());
        where(jpql, params, "sender", q.sender());
        where(jpql, params, "alertId", q.alertId());
        if (q.since() != null) {
            jpql.append(" and e.at >= :since");
            params.put("since", q.since());
        }
        if (q.until() != null) {
            jpql.append(" and e.at <= :until");
            params.put("until", q.until());
        }
        if (q.after() != null) {
            jpql.append(" and (e.at < :afterAt or (e.at = :afterAt and e.id < :afterId))");
            params.put("afterAt", q.after().at());
            params.put("afterId", q.after().id());
        }
        jpql.append(" order by e.at desc, e.id desc");
        TypedQuery<AuditEntry> query = getEntityManager().createQuery(jpql.toString(), AuditEntry.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(q.limit() + 1).getResultList();
    }

    private static void where(StringBuilder jpql, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            jpql.append(" and e.").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }

    /** Removes entries older than {@code before}; the only removal the trail allows. */
    long removeOlderThan(Instant before) {
        return delete("at < ?1", before);
    }
}
