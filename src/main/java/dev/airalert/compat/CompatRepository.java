package dev.airalert.compat;

import dev.airalert.NativeValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the compatible APIs read of the alerts, as projections: only Public, Actual alerts that
 * warn of a threat (not {@code info} notices), by the region rows they are indexed under, with
 * the chain (an alert, its updates and its all-clear share one) from the event log.
 */
@ApplicationScoped
class CompatRepository {

    /** Most chains one history answer looks at: a region's month, with room to spare. */
    static final int HISTORY_CHAINS = 2_000;

    private static final String THREATS = "a.status = 'Actual' AND a.scope = 'Public' AND a.threat_type <> 'info'";

    /** One region an alert covers, with the alert's threat and times. */
    record Row(UUID alertId, String chain, String regionCode, boolean partial, String threat, String level,
            String reason, Instant sentAt, Instant receivedAt, Instant expiresAt) {
    }

    /** One message of a chain: when it was sent, what it is, where its state stands. */
    record Link(String chain, String msgType, String state, Instant sentAt, Instant receivedAt, Instant expiresAt) {
    }

    private final EntityManager em;

    CompatRepository(EntityManager em) {
        this.em = em;
    }

    /** Every region covered by an alert in force now. Run inside a transaction. */
    List<Row> active(Instant now) {
        return rows(em.createNativeQuery("SELECT a.id, (SELECT MIN(e.chain_key) FROM alert_event e WHERE e.alert_id = a.id),"
                + " r.region_code, r.partial, a.threat_type, a.threat_level, a.threat_reason, a.sent_at, a.received_at,"
                + " a.expires_at FROM alert a JOIN alert_region r ON r.alert_id = a.id WHERE " + THREATS
                + " AND a.state = 'active' AND (a.expires_at IS NULL OR a.expires_at > ?1)")
                .setParameter(1, now).getResultList());
    }

    /** Regions covered by alerts sent since {@code since} in these regions, newest first, a bounded number. */
    List<Row> sentIn(Collection<String> codes, Instant since) {
        return rows(em.createNativeQuery("SELECT a.id, (SELECT MIN(e.chain_key) FROM alert_event e WHERE e.alert_id = a.id),"
                + " r.region_code, r.partial, a.threat_type, a.threat_level, a.threat_reason, a.sent_at, a.received_at,"
                + " a.expires_at FROM alert a JOIN alert_region r ON r.alert_id = a.id WHERE " + THREATS
                + " AND a.msg_type IN ('Alert', 'Update') AND a.state IN ('active', 'updated', 'cancelled')"
                + " AND r.region_code IN (?1) AND r.sent_at >= ?2 ORDER BY r.sent_at DESC")
                .setParameter(1, codes).setParameter(2, since).setMaxResults(HISTORY_CHAINS).getResultList());
    }

    /** Every message of these chains (an all-clear may name no region: it is found by its chain). */
    Map<String, List<Link>> chains(Collection<String> chains) {
        Map<String, List<Link>> links = new HashMap<>();
        List<String> all = List.copyOf(chains);
        for (int from = 0; from < all.size(); from += 500) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT e.chain_key, a.msg_type, a.state, a.sent_at,"
                    + " a.received_at, a.expires_at FROM alert_event e JOIN alert a ON a.id = e.alert_id"
                    + " WHERE e.chain_key IN (?1) AND a.status = 'Actual' AND a.scope = 'Public'")
                    .setParameter(1, all.subList(from, Math.min(all.size(), from + 500))).getResultList();
            for (Object[] r : rows) {
                Link link = new Link((String) r[0], (String) r[1], (String) r[2], NativeValues.instant(r[3]),
                        NativeValues.instant(r[4]), NativeValues.instant(r[5]));
                links.computeIfAbsent(link.chain(), c -> new ArrayList<>()).add(link);
            }
        }
        return links;
    }

    /** Where the event log stands: its newest event's number and time (0 and null when empty). */
    record LogPosition(long seq, Instant at) {
    }

    LogPosition logPosition() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT MAX(seq), MAX(created_at) FROM alert_event")
                .getSingleResult();
        return new LogPosition(row[0] == null ? 0 : ((Number) row[0]).longValue(), NativeValues.instant(row[1]));
    }

    /** When the last alert that was in force expired, if one has (an expiry changes answers without an event). */
    Instant lastExpiry(Instant now) {
        Object last = em.createNativeQuery("SELECT MAX(a.expires_at) FROM alert a WHERE " + THREATS
                + " AND a.state = 'active' AND a.expires_at <= ?1").setParameter(1, now).getSingleResult();
        return NativeValues.instant(last);
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(List<?> result) {
        List<Row> rows = new ArrayList<>();
        for (Object[] r : (List<Object[]>) result) {
            UUID id = NativeValues.uuid(r[0]);
            // An alert with no event yet (held for approval is not in force) stands as its own chain.
            String chain = r[1] == null ? id.toString() : (String) r[1];
            rows.add(new Row(id, chain, (String) r[2], (Boolean) r[3], (String) r[4], (String) r[5], (String) r[6],
                    NativeValues.instant(r[7]), NativeValues.instant(r[8]), NativeValues.instant(r[9])));
        }
        return rows;
    }
}
