package dev.airalert.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.alert.AlertHistory;
import dev.airalert.alert.AlertView;
import dev.airalert.cap.CapAddresses;
import dev.airalert.security.Audience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Reading the durable event log: an event with the alerts it concerns. */
@ApplicationScoped
public class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final AlertHistory alerts;

    EventLog(EntityManager em, AlertHistory alerts) {
        this.em = em;
        this.alerts = alerts;
    }

    /** Payload characters one read of the log holds at most; an entry keeps its payload twice (as its body too). */
    public static final long READ_BUDGET = 8_000_000;

    /**
     * An event as brokers and streams carry it: its public id, type, time, the body
     * {@code {"type", "id", "timestamp", "data"}} with every language, what it covers:
     * region codes and CAP event names (an Update or Cancel covers what the alerts it
     * refers to covered, too), and who may read it.
     */
    public record Entry(long seq, String id, String type, Instant createdAt, String body, Set<String> regions,
            Set<String> events, Set<String> threats, Set<String> levels, String payload, Audience audience) {
    }

    /**
     * Alert events (not pings) after {@code seq}, created since {@code since}, oldest first, at
     * most {@code limit}; run inside a transaction.
     */
    public List<Entry> after(long seq, Instant since, int limit) {
        return find(seqsAfter(seq, since, limit));
    }

    /** The sequence numbers of the alert events {@link #after} would read; cheap, from the index. */
    public List<Long> seqsAfter(long seq, Instant since, int limit) {
        return withinBudget(seqs(seq, since, limit));
    }

    /** The sequence numbers of the next alert events, whatever their size: for a reader that does not read them. */
    public List<Long> seqsOnlyAfter(long seq, int limit) {
        return seqs(seq, Instant.EPOCH, limit);
    }

    private List<Long> seqs(long seq, Instant since, int limit) {
        return em.createQuery("select e.seq from AlertEvent e where e.seq > ?1 and e.createdAt >= ?2"
                + " and e.alertId is not null order by e.seq", Long.class).setParameter(1, seq).setParameter(2, since)
                .setMaxResults(limit).getResultList();
    }

    /**
     * The first of these events (in the order given) whose payloads together stay within
     * {@link #READ_BUDGET} characters, at least one: a reader of the log (a replay, a broker
     * batch) holds a bounded amount however large the alerts; the rest is read next time.
     */
    public List<Long> withinBudget(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return seqs;
        }
        Map<Long, Long> sizes = new HashMap<>();
        // Native: Hibernate translates an HQL query with a list parameter again at every call.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT seq, LENGTH(payload) FROM alert_event WHERE seq IN (:seqs)")
                .setParameter("seqs", seqs).getResultList();
        rows.forEach(row -> sizes.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        List<Long> kept = new ArrayList<>();
        long total = 0;
        for (Long seq : seqs) {
            long size = sizes.getOrDefault(seq, 0L);
            if (!kept.isEmpty() && total + size > READ_BUDGET) {
                break;
            }
            kept.add(seq);
            total += size;
        }
        return kept;
    }

    /** The sequence number of the event with this public id ({@code evt_...}), if it is in the log. */
    public Optional<Long> seqOf(String publicId) {
        if (publicId == null || !publicId.matches("evt_[0-9a-f]{32}")) {
            return Optional.empty();
        }
        String hex = publicId.substring(4);
        UUID id = UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        return em.createQuery("select e.seq from AlertEvent e where e.id = ?1", Long.class).setParameter(1, id)
                .getResultList().stream().findFirst();
    }

    /** The newest sequence number in the log, 0 when it is empty. */
    public long lastSeq() {
        Long last = em.createQuery("select max(e.seq) from AlertEvent e", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    /** The events of the log among these, in sequence order; run inside a transaction. */
    public List<Entry> find(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<AlertEvent> events = em.createNativeQuery("SELECT * FROM alert_event WHERE seq IN (:seqs) ORDER BY seq",
                AlertEvent.class).setParameter("seqs", seqs).getResultList();
        List<Entry> entries = new ArrayList<>();
        for (AlertEvent event : events) {
            String id = AlertEvent.publicId(event.id);
            Set<String> regions = new TreeSet<>();
            Set<String> names = new TreeSet<>();
            Set<String> threats = new TreeSet<>();
            Set<String> levels = new TreeSet<>();
            Audience audience;
            try {
                JsonNode alert = JSON.readTree(event.payload);
                alert.path("regions").forEach(r -> regions.add(r.asText()));
                alert.path("info").forEach(i -> names.add(i.path("event").asText()));
                JsonNode threat = alert.path("threat");
                if (threat.hasNonNull("type")) {
                    threats.add(threat.get("type").asText());
                    if (threat.hasNonNull("level")) {
                        levels.add(threat.get("level").asText());
                    }
                } else if (event.alertId != null) {
                    // Written before alerts had threats: the migration gave the alert its own.
                    AlertHistory.Coverage own = alerts.coverage(List.of(event.alertId));
                    threats.addAll(own.threats());
                    levels.addAll(own.levels());
                }
                audience = new Audience(Audience.PUBLIC.equals(event.audience),
                        CapAddresses.parse(alert.path("addresses").asText(null)), event.publishedBy);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored event payloads are JSON", e);
            }
            // Only an Update or Cancel needs more: the alerts it refers to.
            if (!event.relatedAlertIds.isBlank()) {
                AlertHistory.Coverage related = alerts.coverage(event.relatedIds());
                regions.addAll(related.regions());
                names.addAll(related.events());
                // An all-clear without words of its own ("info") is about the threat it ends.
                if (!related.threats().isEmpty() && threats.equals(Set.of("info"))) {
                    threats.clear();
                }
                threats.addAll(related.threats());
                levels.addAll(related.levels());
            }
            names.remove("");
            entries.add(new Entry(event.seq, id, event.type, event.createdAt,
                    EventBody.of(event.type, id, event.createdAt, event.payload, List.of()), regions, names,
                    threats, levels, event.payload, audience));
        }
        return entries;
    }

    /**
     * Per event among these, the regions it covers only in part: its alerts (an Update's or
     * Cancel's too: those it refers to) cover them in part and none whole. An alert on such a
     * region is not an alert of the places inside it. Events with none are left out, and that
     * is most: one query finds the alerts that cover anything in part. Run inside the
     * transaction that read the entries.
     */
    public Map<Long, Set<String>> coveredInPart(List<Entry> entries) {
        Map<Long, List<UUID>> alertsOf = new HashMap<>();
        for (Entry entry : entries) {
            AlertEvent event = em.find(AlertEvent.class, entry.seq());
            if (event != null && event.alertId != null) {
                List<UUID> ids = new ArrayList<>(event.relatedIds());
                ids.add(event.alertId);
                alertsOf.put(entry.seq(), ids);
            }
        }
        Set<UUID> inPart = alerts.coveringInPart(alertsOf.values().stream().flatMap(List::stream).distinct().toList());
        Map<Long, Set<String>> found = new HashMap<>();
        alertsOf.forEach((seq, ids) -> {
            if (ids.stream().anyMatch(inPart::contains)) {
                Set<String> regions = alerts.coveredInPart(ids);
                if (!regions.isEmpty()) {
                    found.put(seq, regions);
                }
            }
        });
        return found;
    }

    /** The event with this sequence number, if it is in the log. */
    public Optional<AlertEvent> bySeq(long seq) {
        return Optional.ofNullable(em.find(AlertEvent.class, seq));
    }

    /** The alert of the event, as far as it is stored; empty for pings. */
    public Optional<AlertView> alertOf(AlertEvent event) {
        return event.alertId == null ? Optional.empty() : alerts.find(event.alertId, null);
    }

    /**
     * The regions of the event's alert and of the alerts it refers to (an Update or Cancel), from
     * their index rows, without reading the alerts; none for a ping.
     */
    public Set<String> regionsOf(AlertEvent event) {
        if (event.alertId == null) {
            return Set.of();
        }
        List<UUID> ids = new ArrayList<>(event.relatedIds());
        ids.add(event.alertId);
        return alerts.regionsOf(ids);
    }

    /** One of those alerts, read and let go (see {@link AlertHistory#findOnce}). */
    public Optional<AlertView> readOnce(UUID id) {
        return alerts.findOnce(id);
    }
}
