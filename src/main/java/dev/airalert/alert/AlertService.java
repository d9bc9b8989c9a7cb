package dev.airalert.alert;

import dev.airalert.alert.cap.CapAlert;
import dev.airalert.alert.cap.CapInfo;
import dev.airalert.alert.cap.CapJson;
import dev.airalert.alert.cap.CapValidator;
import dev.airalert.alert.cap.CapXmlWriter;
import dev.airalert.alert.cap.FieldError;
import dev.airalert.region.PointCoverage;
import dev.airalert.region.RegionResolver;
import dev.airalert.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Publishing and reading alerts. A publish is one transaction: validate everything first,
 * then store every alert of the request with its index rows and apply the lifecycle, so a
 * request is accepted whole or not at all.
 */
@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final RegionResolver regions;
    private final PointCoverage points;
    private final IngestMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    AlertService(AlertRepository alerts, RegionResolver regions, PointCoverage points,
            IngestMetrics metrics) {
        this.alerts = alerts;
        this.regions = regions;
        this.points = points;
        this.metrics = metrics;
    }

    /** One stored alert and whether this request created it (false: an identical repeat). */
    public record Published(AlertView view, boolean created) {
    }

    public List<Published> publish(List<Submission> submissions, UUID publishedBy) {
        List<FieldError> errors = new ArrayList<>();
        for (Submission s : submissions) {
            errors.addAll(s.structureErrors());
            CapValidator.validate(s.alert()).forEach(e ->
                    errors.add(new FieldError(s.locate(e.field()), e.message())));
        }
        if (!errors.isEmpty()) {
            metrics.rejected("invalid-alert");
            throw ProblemException.invalid("/problems/invalid-alert",
                    "The alert is not valid CAP 1.2: " + errors.size() + " problem(s).", errors);
        }
        List<StoredForm> forms = submissions.stream()
                .map(s -> StoredForm.of(s, regions.resolve(s.alert()))).toList();
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(forms, publishedBy));
        } catch (PersistenceException e) {
            if (!isConstraintViolation(e)) {
                throw e;
            }
            // A concurrent request stored the same (sender, identifier) first: now that its
            // row is visible, the second attempt answers as a repeat or as a conflict.
            return QuarkusTransaction.requiringNew().call(() -> store(forms, publishedBy));
        }
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private List<Published> store(List<StoredForm> forms, UUID publishedBy) {
        Instant now = clock.instant();
        List<Published> results = new ArrayList<>();
        for (StoredForm form : forms) {
            CapAlert cap = form.alert();
            var existing = alerts.findBySenderAndIdentifier(cap.sender(), cap.identifier());
            if (existing.isPresent()) {
                if (!existing.get().contentHash().equals(form.contentHash())) {
                    metrics.rejected("conflict");
                    throw new ProblemException(409, "/problems/conflict", "Conflict",
                            "An alert from sender '" + cap.sender() + "' with identifier '"
                                    + cap.identifier() + "' exists with different content;"
                                    + " CAP changes are new messages (msgType Update) with a new identifier.",
                            List.of(new FieldError("identifier", "already used for different content")));
                }
                results.add(new Published(view(existing.get(), null, now), false));
                continue;
            }
            Alert alert = new Alert(TimeOrderedUuid.next(), form, now, publishedBy);
            alerts.persist(alert);
            applyLifecycle(alert, form);
            metrics.ingested(form.format());
            results.add(new Published(view(alert, null, now), true));
        }
        alerts.flush();
        return results;
    }

    /**
     * Update/Cancel act on the alerts they reference; and an alert that arrives after a
     * message referencing it takes that message's effect at once. Only Actual messages
     * act: a Test or Exercise Cancel must not clear a real alert.
     */
    private void applyLifecycle(Alert alert, StoredForm form) {
        if (alert.isActual() && alert.supersedes()) {
            for (AlertReference ref : form.references()) {
                alerts.findBySenderAndIdentifier(ref.sender, ref.identifier)
                        .ifPresent(target -> target.supersede(alert.msgType(), alert.id()));
            }
        }
        for (Alert later : alerts.findReferencing(alert.sender(), alert.identifier())) {
            if (later.isActual() && !later.id().equals(alert.id())) {
                alert.supersede(later.msgType(), later.id());
            }
        }
    }

    public Optional<AlertView> find(UUID id, String lang) {
        return alerts.findByIdOptional(id).map(a -> view(a, lang, clock.instant()));
    }

    /** The alert as CAP XML: the original bytes when published as CAP XML, else generated. */
    public Optional<byte[]> findCapXml(UUID id) {
        return alerts.findByIdOptional(id).map(a -> a.originalXml() != null ? a.originalXml()
                : CapXmlWriter.write(CapJson.readStored(a.document()))
                        .getBytes(StandardCharsets.UTF_8));
    }

    AlertPage search(AlertQuery query) {
        Instant now = clock.instant();
        List<Alert> found = query.point() == null ? alerts.search(query, now) : coveringPoint(query, now);
        boolean more = found.size() > query.limit();
        List<Alert> page = more ? found.subList(0, query.limit()) : found;
        String next = more ? Cursor.after(page.get(page.size() - 1)).encode() : null;
        return new AlertPage(page.stream().map(a -> view(a, query.lang(), now)).toList(), next);
    }

    /**
     * Alerts of the regions containing the point, less those whose shapes miss it. The
     * shape test runs here, so pages are filled batch by batch from the index order.
     */
    private List<Alert> coveringPoint(AlertQuery query, Instant now) {
        Set<String> regionsAtPoint = points.regionsAt(query.point());
        List<Alert> matching = new ArrayList<>();
        if (regionsAtPoint.isEmpty()) {
            return matching;
        }
        AlertQuery batch = query.inRegions(regionsAtPoint);
        while (matching.size() <= query.limit()) {
            List<Alert> found = alerts.search(batch, now);
            for (Alert alert : found) {
                if (points.covers(CapJson.readStored(alert.document()), alert.resolution().areas(),
                        query.point(), regionsAtPoint)) {
                    matching.add(alert);
                }
            }
            if (found.size() <= query.limit()) {
                break;
            }
            batch = batch.after(Cursor.after(found.get(found.size() - 1)));
        }
        return matching;
    }

    /** Alerts active now in any of these regions, newest first. */
    public List<AlertView> activeIn(Set<String> regionCodes, String lang) {
        Instant now = clock.instant();
        return alerts.findActiveIn(regionCodes, now).stream().map(a -> view(a, lang, now)).toList();
    }

    /** What is under alert now: one entry per (region, event) of every active Actual alert. */
    public List<RegionCoverage> activeCoverage() {
        return alerts.activeCoverage(clock.instant());
    }

    private static AlertView view(Alert alert, String lang, Instant now) {
        CapAlert cap = CapJson.readStored(alert.document());
        ResolutionJson.Stored resolution = alert.resolution();
        return new AlertView(alert.id(), alert.stateAt(now), alert.regionCodes(),
                resolution.unresolvedAreas(), alert.replacedBy(), alert.receivedAt(),
                resolution.areas(), inLanguage(cap, lang));
    }

    /**
     * Keeps the infos in the reader's language ({@code de} matches {@code de-DE}); when the
     * alert has none in that language, all of them, since some notice beats none.
     */
    static CapAlert inLanguage(CapAlert cap, String lang) {
        if (lang == null) {
            return cap;
        }
        String wanted = lang.toLowerCase(Locale.ROOT);
        List<CapInfo> matching = cap.info().stream().filter(i -> {
            String have = i.effectiveLanguage().toLowerCase(Locale.ROOT);
            return have.equals(wanted) || have.startsWith(wanted + "-")
                    || wanted.startsWith(have + "-");
        }).toList();
        return matching.isEmpty() ? cap : cap.withInfo(matching);
    }
}
