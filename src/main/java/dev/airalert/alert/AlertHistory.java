package dev.airalert.alert;

import dev.airalert.Clocks;
import dev.airalert.cap.CapJson;
import dev.airalert.cap.CapXmlWriter;
import dev.airalert.region.PointCoverage;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Reading alerts: one by id, history searches, what is active where. */
@ApplicationScoped
public class AlertHistory {

    /** Alerts read per query while looking for those whose shapes reach a point. */
    static final int POINT_BATCH = 200;

    private final AlertRepository alerts;
    private final PointCoverage points;
    private final Clock clock = Clocks.UTC;

    AlertHistory(AlertRepository alerts, PointCoverage points) {
        this.alerts = alerts;
        this.points = points;
    }

    /** An alert as the channels carry it, whoever may read it: for the service's own use, not for callers. */
    public Optional<AlertView> find(UUID id, String lang) {
        return alerts.findByIdOptional(id).map(a -> AlertViews.of(a, lang, clock.instant()));
    }

    /**
     * As {@link #find}, for reading many alerts in one transaction one after another: the
     * stored alert is let go once its view is made, so they do not pile up in memory.
     */
    public Optional<AlertView> findOnce(UUID id) {
        Optional<Alert> alert = alerts.findByIdOptional(id);
        Optional<AlertView> view = alert.map(a -> AlertViews.of(a, null, clock.instant()));
        alert.ifPresent(a -> alerts.getEntityManager().detach(a));
        return view;
    }

    /** An alert as this reader may see it; empty when it may not (or there is none). */
    Optional<AlertView> read(UUID id, String lang, Readers readers) {
        return alerts.findByIdOptional(id).filter(readers::mayRead)
                .map(a -> AlertViews.of(a, lang, clock.instant(), readers.seesPublisher()));
    }

    /**
     * The alert as CAP XML: the original bytes (of whichever CAP version) when published as CAP XML,
     * with the charset they were sent in when they do not name it; else CAP 1.2 generated in UTF-8.
     */
    Optional<CapXml> readCapXml(UUID id, Readers readers) {
        return alerts.findByIdOptional(id).filter(readers::mayRead).map(a -> a.originalXml() != null
                ? new CapXml(a.originalXml(), a.originalCharset())
                : new CapXml(CapXmlWriter.write(CapJson.readStored(a.document())).getBytes(StandardCharsets.UTF_8), null));
    }

    /** CAP XML bytes, and the charset to name with them (null: the bytes name their own, or are UTF-8). */
    record CapXml(byte[] bytes, String charset) {
    }

    AlertPage search(AlertQuery query, Readers readers) {
        Instant now = clock.instant();
        AlertRepository.Found found = query.point() == null ? alerts.search(query, now, readers)
                : coveringPoint(query, now, readers);
        List<AlertRow> page = found.alerts();
        String next = found.more() && !page.isEmpty() ? Cursor.after(page.get(page.size() - 1)).encode() : null;
        return new AlertPage(page.stream().map(a -> AlertViews.inLanguages(a, query.languages(), now,
                readers.seesPublisher())).toList(), next);
    }

    /**
     * Alerts of the regions containing the point, less those whose shapes miss it. The
     * shape test runs here, so pages are filled batch by batch from the index order.
     */
    private AlertRepository.Found coveringPoint(AlertQuery query, Instant now, Readers readers) {
        Set<String> regionsAtPoint = points.regionsAt(query.point());
        List<AlertRow> matching = new ArrayList<>();
        if (regionsAtPoint.isEmpty()) {
            return new AlertRepository.Found(matching, false);
        }
        // Batches of at least POINT_BATCH: a page of one would read the region's alerts one query at a time.
        AlertQuery batch = query.inRegions(regionsAtPoint, Math.max(query.limit(), POINT_BATCH));
        while (true) {
            AlertRepository.Found found = alerts.search(batch, now, readers);
            for (AlertRow alert : found.alerts()) {
                if (points.covers(CapJson.readStored(alert.document()), alert.storedResolution().areas(),
                        query.point(), regionsAtPoint)) {
                    if (matching.size() == query.limit()) {
                        return new AlertRepository.Found(matching, true);
                    }
                    matching.add(alert);
                }
            }
            if (!found.more() || found.alerts().isEmpty()) {
                return new AlertRepository.Found(matching, false);
            }
            batch = batch.after(Cursor.after(found.alerts().get(found.alerts().size() - 1)));
        }
    }

    /**
     * The regions, the event names (lower case), the threat types and levels of these alerts,
     * read from their index rows:
     * what routing an Update or Cancel needs of the alerts it refers to, without reading their
     * documents (a Cancel may refer to thousands of alerts of a megabyte each).
     */
    public Coverage coverage(List<UUID> ids) {
        if (ids.isEmpty()) {
            return new Coverage(Set.of(), Set.of(), Set.of(), Set.of());
        }
        Set<String> threats = new HashSet<>();
        Set<String> levels = new HashSet<>();
        alerts.threatsOf(ids).forEach(row -> {
            threats.add((String) row[0]);
            if (row[1] != null) {
                levels.add((String) row[1]);
            }
        });
        return new Coverage(Set.copyOf(alerts.regionCodesOf(ids)), Set.copyOf(alerts.eventKeysOf(ids)),
                threats, levels);
    }

    /** The regions these alerts cover, from their index rows: {@link #coverage}'s regions alone. */
    public Set<String> regionsOf(List<UUID> ids) {
        return ids.isEmpty() ? Set.of() : alerts.regionCodesOf(ids);
    }

    /** Those of these alerts that cover some region only in part (few do: most cover whole regions). */
    public Set<UUID> coveringInPart(List<UUID> ids) {
        return ids.isEmpty() ? Set.of() : alerts.coveringInPart(ids);
    }

    /**
     * Of the regions these alerts cover, those they cover only in part (some of them covers it
     * in part and none whole): what a place inside such a region cannot take as an alert of its own.
     */
    public Set<String> coveredInPart(List<UUID> ids) {
        Set<String> inPart = new TreeSet<>();
        if (!ids.isEmpty()) {
            alerts.coverageOf(ids).forEach((code, whole) -> {
                if (!whole) {
                    inPart.add(code);
                }
            });
        }
        return inPart;
    }

    /** See {@link #coverage}. */
    public record Coverage(Set<String> regions, Set<String> events, Set<String> threats, Set<String> levels) {
    }

    /** Public alerts active now in any of these regions, newest first (region pages, MQTT states). */
    public List<AlertView> activeIn(Set<String> regionCodes, String lang) {
        Instant now = clock.instant();
        return alerts.findActiveIn(regionCodes, now).stream().map(a -> AlertViews.of(a, lang, now)).toList();
    }

    /** What is under alert now: one entry per (region, event) of every active public Actual alert. */
    public List<RegionCoverage> activeCoverage() {
        return alerts.activeCoverage(clock.instant());
    }
}
