package dev.airalert.alert;

import dev.airalert.NamedSql;
import dev.airalert.NativeValues;
import dev.airalert.threat.Threat;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** Alerts in the database; history queries are keyset-paginated and index-backed. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** The most stored alert text one history page reads: a page of large alerts is cut short. */
    static final long PAGE_BYTES = 16L * 1024 * 1024;

    /** Pairs looked up per query: well inside every database's limit on bound parameters. */
    private static final int LOOKUP_CHUNK = 1000;

    /**
     * The most region codes a search merges one index range each of: an oblast with its raions
     * and hromadas has up to about 150. More (the country with everything in it) is a large share
     * of all alerts, found soon enough walking them all newest first.
     */
    private static final int MERGED_REGIONS = 256;

    /** The SQL meaning of "active now"; expired is never stored, so it is computed here. */
    private static final String ACTIVE_NOW =
            "(a.state = 'active' AND (a.expires_at IS NULL OR a.expires_at > :now))";

    /** The alert holding (sender, identifier): copy 0; copies moved aside by a verified one are not it. */
    public Optional<Alert> findBySenderAndIdentifier(String sender, String identifier) {
        return find("sender = ?1 and identifier = ?2 and copyNo = 0", sender, identifier).firstResultOptional();
    }

    /**
     * The alerts holding the referenced (sender, identifier) pairs, read and locked until the
     * transaction ends (their state is decided by one at a time), keyed by
     * {@link AlertReference#target()}: a few queries for a Cancel of thousands, locked in id
     * order so two such Cancels cannot deadlock.
     */
    Map<String, Alert> lockReferenced(List<AlertReference> references) {
        Map<String, Alert> found = new HashMap<>();
        List<AlertReference> distinct = references.stream()
                .collect(Collectors.toMap(AlertReference::target, r -> r, (a, b) -> a, LinkedHashMap::new))
                .values().stream().toList();
        for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
            List<AlertReference> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
            getEntityManager().createQuery("""
                    select a from Alert a where a.copyNo = 0 and a.identifier in :identifiers
                      and a.sender in :senders order by a.id""", Alert.class)
                    .setParameter("identifiers", chunk.stream().map(r -> r.identifier).distinct().toList())
                    .setParameter("senders", chunk.stream().map(r -> r.sender).distinct().toList())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList()
                    .forEach(a -> found.put(AlertReference.target(a.sender(), a.identifier()), a));
        }
        return found;
    }

    /**
     * The region codes of these alerts, from their index rows (native: Hibernate translates an
     * HQL query with a list parameter again at every call, and the fan-out asks this per event).
     */
    @SuppressWarnings("unchecked")
    Set<String> regionCodesOf(List<UUID> ids) {
        Set<String> codes = new HashSet<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            codes.addAll(getEntityManager().createNativeQuery("SELECT DISTINCT region_code FROM alert_region"
                    + " WHERE alert_id IN (:ids)").setParameter("ids", ids.subList(from, Math.min(ids.size(),
                    from + LOOKUP_CHUNK))).getResultList());
        }
        return codes;
    }

    /** Those of these alerts that cover some region only in part (few do: most cover whole regions). */
    Set<UUID> coveringInPart(List<UUID> ids) {
        Set<UUID> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            found.addAll(getEntityManager().createQuery("select distinct a.id from Alert a join a.regions r"
                    + " where a.id in :ids and r.partial = true", UUID.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK))).getResultList());
        }
        return found;
    }

    /** The region codes these alerts cover, each with whether one of them covers it whole. */
    Map<String, Boolean> coverageOf(List<UUID> ids) {
        Map<String, Boolean> whole = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
            getEntityManager().createQuery("select distinct r.regionCode, r.partial from Alert a join a.regions r"
                    + " where a.id in :ids", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK))).getResultList()
                    .forEach(row -> whole.merge((String) row[0], !(Boolean) row[1], Boolean::logicalOr));
        }
        return whole;
    }

    /** The event names (lower case) of these alerts' infos. */
    List<String> eventKeysOf(List<UUID> ids) {
        return getEntityManager().createQuery("select distinct i.eventKey from Alert a join a.infos i"
                + " where a.id in :ids", String.class).setParameter("ids", ids).getResultList();
    }

    /** The threat types and levels (wire names) of these alerts. */
    List<Object[]> threatsOf(List<UUID> ids) {
        return getEntityManager().createQuery("select distinct a.threatType, a.threatLevel from Alert a"
                + " where a.id in :ids", Object[].class).setParameter("ids", ids).getResultList();
    }

    /** Reads the alert again and locks it until the transaction ends: its state is decided by one at a time. */
    void lock(Alert alert) {
        getEntityManager().refresh(alert, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The number the next copy of (sender, identifier) moved aside gets. */
    int nextCopyNo(String sender, String identifier) {
        Integer max = getEntityManager().createQuery(
                "select max(a.copyNo) from Alert a where a.sender = ?1 and a.identifier = ?2", Integer.class)
                .setParameter(1, sender).setParameter(2, identifier).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /**
     * Update and Cancel messages that went out and reference the given alert, oldest first
     * (not those held for approval, discarded or moved aside).
     */
    List<Alert> findReferencing(String sender, String identifier) {
        return getEntityManager().createQuery("""
                select a from Alert a join a.references r
                where r.sender = :sender and r.identifier = :identifier
                  and a.msgType in ('Update', 'Cancel')
                  and a.state not in ('pending-approval', 'discarded', 'displaced')
                order by a.sentAt, a.receivedAt""", Alert.class)
                .setParameter("sender", sender)
                .setParameter("identifier", identifier)
                .getResultList();
    }

    /** Public Actual alerts active now in any of these regions, newest first. */
    List<Alert> findActiveIn(Set<String> regionCodes, Instant now) {
        return getEntityManager().createQuery("""
                select distinct a from Alert a join a.regions r
                where r.regionCode in :codes and a.status = 'Actual' and a.state = 'active' and a.scope = 'Public'
                  and (a.expiresAt is null or a.expiresAt > :now)
                order by a.sentAt desc, a.id desc""", Alert.class)
                .setParameter("codes", regionCodes)
                .setParameter("now", now)
                .getResultList();
    }

    /** Every (region, partial, event) of public Actual alerts active now: what maps are drawn from. */
    List<RegionCoverage> activeCoverage(Instant now) {
        return getEntityManager().createQuery("""
                select distinct new dev.airalert.alert.RegionCoverage(r.regionCode, r.partial, i.eventKey)
                from Alert a join a.regions r join a.infos i
                where a.status = 'Actual' and a.state = 'active' and a.scope = 'Public'
                  and (a.expiresAt is null or a.expiresAt > :now)""", RegionCoverage.class)
                .setParameter("now", now)
                .getResultList();
    }

    /** A page of alerts, and whether more match after its last. */
    record Found(List<AlertRow> alerts, boolean more) {
    }

    /**
     * One page of history, newest first: up to {@code limit} alerts whose stored forms together
     * stay within {@link #PAGE_BYTES} (at least one). The ids and sizes are read first, so a
     * page of large alerts is cut short (and says there is more) before any is loaded; then
     * the page's alerts with their documents and regions, in one statement ({@link #page}).
     */
    Found search(AlertQuery q, Instant now, Readers readers) {
        StringBuilder sql = new StringBuilder("SELECT a.id, octet_length(a.document)"
                + " + coalesce(octet_length(a.original_xml), 0) FROM ");
        Map<String, Object> params = new LinkedHashMap<>();
        String sent = "m.sent_at";
        String id = "m.alert_id";
        // What is active now is a few hours of alerts, found from ix_alert_state_expires: no
        // region's or event's whole history need be walked for it.
        boolean activeNow = Boolean.TRUE.equals(q.active());
        boolean byRegions = !activeNow && !q.regions().isEmpty() && q.regions().size() <= MERGED_REGIONS;
        boolean byEvents = !activeNow && !byRegions && !q.eventKeys().isEmpty();
        if (byRegions) {
            fromRegions(q, sql, params);
        } else if (byEvents) {
            fromEvents(q, sql, params);
        } else if (!activeNow && !q.threats().isEmpty()) {
            fromThreats(q, sql, params);
        } else {
            sql.append("alert a WHERE 1 = 1").append(timeBounds(q, "a.sent_at", "a.id", params));
            sent = "a.sent_at";
            id = "a.id";
        }
        readers.restrict(sql, params);
        if (!q.statuses().isEmpty()) {
            sql.append(" AND ").append(NamedSql.in("a.status", q.statuses(), "statuses", params));
        }
        if (!q.msgTypes().isEmpty()) {
            sql.append(" AND ").append(NamedSql.in("a.msg_type", q.msgTypes(), "msgTypes", params));
        }
        if (q.sender() != null) {
            sql.append(" AND a.sender = :sender");
            params.put("sender", q.sender());
        }
        if (!q.threats().isEmpty()) {
            sql.append(" AND ").append(NamedSql.in("a.threat_type", q.threats(), "threats", params));
        }
        if (!q.levels().isEmpty()) {
            sql.append(" AND ").append(NamedSql.in("a.threat_level", q.levels(), "levels", params));
        }
        if (!q.regions().isEmpty() && !byRegions) {
            sql.append(" AND EXISTS (SELECT 1 FROM alert_region r WHERE r.alert_id = a.id"
                    + " AND ").append(NamedSql.in("r.region_code", q.regions(), "regions", params)).append(")");
        }
        if (q.active() != null) {
            sql.append(q.active() ? " AND " + ACTIVE_NOW : " AND NOT " + ACTIVE_NOW);
            params.put("now", now);
        }
        if (q.filtersInfo() && !byEvents) {
            sql.append(" AND EXISTS (SELECT 1 FROM alert_info i WHERE i.alert_id = a.id")
                    .append(infoConditions(q, "i", true, params)).append(")");
        }
        sql.append(" ORDER BY ").append(sent).append(" DESC, ").append(id).append(" DESC FETCH FIRST ")
                .append(q.limit() + 1).append(" ROWS ONLY");
        return getEntityManager().unwrap(Session.class).doReturningWork(c -> page(c, sql.toString(), params, q.limit()));
    }

    /**
     * The search, then the page's alerts as views are made from them, in plain statements on the
     * session's connection: Hibernate's native query and the page's entities with their
     * collections were most of a page's time, for rows that are only read.
     */
    private static Found page(Connection c, String search, Map<String, Object> params, int limit) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement read = NamedSql.prepare(c, search, params); ResultSet rs = read.executeQuery()) {
            long bytes = 0;
            while (rs.next()) {
                long size = rs.getLong(2);
                if (ids.size() == limit || !ids.isEmpty() && bytes + size > PAGE_BYTES) {
                    more = true;
                    break;
                }
                ids.add(NativeValues.uuid(rs.getObject(1)));
                bytes += size;
            }
        }
        if (ids.isEmpty()) {
            return new Found(List.of(), more);
        }
        Map<UUID, AlertRow> rows = new HashMap<>();
        try (PreparedStatement read = NamedSql.prepare(c, "SELECT a.id, a.sent_at, a.state, a.expires_at,"
                + " a.threat_type, a.threat_level, a.threat_reason, a.replaced_by, a.received_at, a.published_by,"
                + " a.published_by_holder, a.signature_verdict, a.signature_certificate, a.signature_subject,"
                + " a.signature_reason, a.approval_rule, a.decision, a.decided_at, a.decided_by, a.decided_by_holder,"
                + " a.area_resolution, a.document,"
                + " (SELECT array_agg(r.region_code) FROM alert_region r WHERE r.alert_id = a.id), a.cap_version"
                // One array, not a parameter per id: a statement of one text, planned once per
                // connection (with 50 parameters PostgreSQL planned it again at every page).
                + " FROM alert a WHERE a.id = ANY(:ids)", Map.of("ids", c.createArrayOf("uuid", ids.toArray())));
                ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                UUID id = NativeValues.uuid(rs.getObject(1));
                rows.put(id, new AlertRow(id, instant(rs, 2), rs.getString(3), instant(rs, 4),
                        new Threat(rs.getString(5), rs.getString(6), rs.getString(7)),
                        NativeValues.uuid(rs.getObject(8)), instant(rs, 9), NativeValues.uuid(rs.getObject(10)),
                        rs.getString(11), AlertSignature.verdict(rs.getString(12), rs.getString(13),
                                rs.getString(14), rs.getString(15)),
                        AlertApproval.stored(NativeValues.uuid(rs.getObject(16)), rs.getString(17),
                                instant(rs, 18), rs.getString(19), rs.getString(20)),
                        rs.getString(21), rs.getString(22), sorted(rs.getArray(23)), rs.getString(24)));
            }
        }
        return new Found(ids.stream().map(rows::get).filter(Objects::nonNull).toList(), more);
    }

    /** The codes of an aggregated array column, sorted; none when it is null (an alert of no region). */
    private static List<String> sorted(Array codes) throws SQLException {
        if (codes == null) {
            return List.of();
        }
        Object[] values = (Object[]) codes.getArray();
        List<String> sorted = new ArrayList<>(values.length);
        for (Object value : values) {
            sorted.add(value.toString());
        }
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return NativeValues.instant(rs.getObject(column));
    }

    /**
     * The search walks the alerts of its region codes newest first: one index range per code
     * ({@code ix_alert_region_sent}), merged in page order, each alert once (from the least of
     * its matching codes), then to the alert row for the other filters. Each range is ordered
     * in its own branch: PostgreSQL merges sorted branches, but sorts a union of unsorted ones whole.
     * A single range is not: there the page's limit makes the index order the cheapest, where
     * an ordered branch, planned apart from the limit, was read whole by a bitmap and sorted. A region is a small
     * share of all alerts; walking every alert newest first read hundreds to thousands of them
     * for a page.
     */
    private static void fromRegions(AlertQuery q, StringBuilder sql, Map<String, Object> params) {
        List<String> codes = q.regions().stream().sorted().toList();
        String bounds = timeBounds(q, "r.sent_at", "r.alert_id", params);
        ranges(sql, params, codes, "SELECT r.alert_id AS alert_id, r.sent_at AS sent_at, r.region_code AS region_code"
                + " FROM alert_region r WHERE r.region_code = :region", bounds, "r.sent_at DESC, r.alert_id DESC");
        sql.append(") m JOIN alert a ON a.id = m.alert_id WHERE NOT EXISTS (SELECT 1 FROM alert_region d"
                + " WHERE d.alert_id = m.alert_id AND ").append(NamedSql.in("d.region_code", codes, "regions", params))
                .append(" AND d.region_code < m.region_code)");
    }

    /**
     * As {@link #fromRegions}, from the infos of the asked events ({@code ix_alert_info_event_sent}):
     * each alert once, from the first of its infos that matches every info filter.
     */
    private static void fromEvents(AlertQuery q, StringBuilder sql, Map<String, Object> params) {
        List<String> events = q.eventKeys().stream().sorted().toList();
        String conditions = infoConditions(q, "e", false, params) + timeBounds(q, "e.sent_at", "e.alert_id", params);
        ranges(sql, params, events, "SELECT e.alert_id AS alert_id, e.sent_at AS sent_at, e.position AS info_no"
                + " FROM alert_info e WHERE e.event_key = :event", conditions, "e.sent_at DESC, e.alert_id DESC");
        sql.append(") m JOIN alert a ON a.id = m.alert_id WHERE NOT EXISTS (SELECT 1 FROM alert_info d"
                + " WHERE d.alert_id = m.alert_id AND d.position < m.info_no")
                .append(infoConditions(q, "d", true, params)).append(")");
    }

    /** As {@link #fromRegions}, from the alerts of the asked threat types ({@code ix_alert_threat_sent}, of V11). */
    private static void fromThreats(AlertQuery q, StringBuilder sql, Map<String, Object> params) {
        List<String> threats = q.threats().stream().sorted().toList();
        String bounds = timeBounds(q, "t.sent_at", "t.id", params);
        ranges(sql, params, threats, "SELECT t.id AS alert_id, t.sent_at AS sent_at FROM alert t"
                + " WHERE t.threat_type = :threat", bounds, "t.sent_at DESC, t.id DESC");
        sql.append(") m JOIN alert a ON a.id = m.alert_id WHERE 1 = 1");
    }

    /**
     * Opens the union of one index range per key: {@code select} ends with the key's named
     * parameter, which gets the key's number; the keys are written in instead when they are
     * codes or words ({@link NamedSql#in}: an oblast's 82 ranges were planned again at every
     * request); {@code conditions} bound each range. Several ranges are each ordered
     * ({@code order}), so that PostgreSQL merges them newest first; a single one is left
     * unordered, so that it is planned with the page's limit.
     */
    private static void ranges(StringBuilder sql, Map<String, Object> params, List<String> keys, String select,
            String conditions, String order) {
        int colon = select.lastIndexOf(':');
        String parameter = select.substring(colon + 1);
        boolean written = keys.stream().allMatch(NamedSql::isWord);
        sql.append("(");
        for (int n = 0; n < keys.size(); n++) {
            sql.append(n == 0 ? "(" : " UNION ALL (");
            if (written) {
                sql.append(select, 0, colon).append('\'').append(keys.get(n)).append('\'');
            } else {
                sql.append(select).append(n);
                params.put(parameter + n, keys.get(n));
            }
            sql.append(conditions).append(keys.size() > 1 ? " ORDER BY " + order + ")" : ")");
        }
    }

    /**
     * The dates and the cursor on the rows walked. The cursor is a bound on the time first, so
     * that it narrows the index range, then a tie on the time is broken by the id.
     */
    private static String timeBounds(AlertQuery q, String sent, String id, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (q.since() != null) {
            sql.append(" AND ").append(sent).append(" >= :since");
            params.put("since", q.since());
        }
        if (q.until() != null) {
            sql.append(" AND ").append(sent).append(" <= :until");
            params.put("until", q.until());
        }
        if (q.after() != null) {
            sql.append(" AND ").append(sent).append(" <= :cursorSent AND (").append(sent).append(" < :cursorSent OR ")
                    .append(id).append(" < :cursorId)");
            params.put("cursorSent", q.after().sentAt());
            params.put("cursorId", q.after().id());
        }
        return sql.toString();
    }

    /** One info block must match every info filter at once, as a reader would expect. */
    private static String infoConditions(AlertQuery q, String info, boolean withEvents, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        if (withEvents && !q.eventKeys().isEmpty()) {
            sql.append(" AND ").append(NamedSql.in(info + ".event_key", q.eventKeys(), "events", params));
        }
        if (q.minSeverityRank() != null) {
            sql.append(" AND ").append(info).append(".severity_rank >= ").append((int) q.minSeverityRank());
        }
        if (!q.urgencies().isEmpty()) {
            sql.append(" AND ").append(NamedSql.in(info + ".urgency", q.urgencies(), "urgencies", params));
        }
        if (!q.certainties().isEmpty()) {
            sql.append(" AND ").append(NamedSql.in(info + ".certainty", q.certainties(), "certainties", params));
        }
        return sql.toString();
    }
}
