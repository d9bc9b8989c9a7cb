package dev.airalert.audit;

import dev.airalert.security.Roles;
import dev.airalert.web.FieldError;
import dev.airalert.web.KeysetCursor;
import dev.airalert.web.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v1/audit}: the audit trail, newest first, for admins. */
@Path("/api/v1/audit")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    private static final Set<String> PARAMETERS = Set.of("action", "outcome", "key", "sender", "alert", "since",
            "until", "limit", "cursor");
    private static final int MAX_LIMIT = 500;

    private final AuditRepository entries;

    AuditResource(AuditRepository entries) {
        this.entries = entries;
    }

    @GET
    @Transactional
    @Operation(summary = "The audit trail, newest first",
            description = "Filters action, outcome (accepted, refused), key (a key id, or admin),"
                    + " sender, alert (an alert id), since, until; limit (default 100, max 500) and"
                    + " cursor from the previous page's 'next'.")
    public AuditView.Page search(@Context UriInfo uri) {
        AuditQuery query = parse(uri.getQueryParameters());
        List<AuditEntry> found = entries.search(query);
        boolean more = found.size() > query.limit();
        List<AuditEntry> page = more ? found.subList(0, query.limit()) : found;
        AuditEntry last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new AuditView.Page(page.stream().map(AuditEntry::view).toList(),
                more ? new KeysetCursor(last.at, last.id).encode() : null);
    }

    private static AuditQuery parse(MultivaluedMap<String, String> params) {
        List<FieldError> errors = new ArrayList<>(QueryParameters.unknown(params, PARAMETERS));
        Function<String, String> one = name -> {
            List<String> values = params.get(name);
            if (values == null || values.isEmpty() || values.get(0).isBlank()) {
                return null;
            }
            if (values.size() > 1) {
                errors.add(new FieldError(name, "must be given once"));
            }
            return values.get(0).trim();
        };
        UUID alert = null;
        if (one.apply("alert") != null) {
            try {
                alert = UUID.fromString(one.apply("alert"));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("alert", "must be an alert id"));
            }
        }
        Instant since = QueryParameters.time(one.apply("since"), "since", errors);
        Instant until = QueryParameters.time(one.apply("until"), "until", errors);
        int limit = 100;
        if (one.apply("limit") != null) {
            try {
                limit = Integer.parseInt(one.apply("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        String outcome = one.apply("outcome");
        if (outcome != null && !outcome.equals("accepted") && !outcome.equals("refused")) {
            errors.add(new FieldError("outcome", "must be accepted or refused"));
        }
        QueryParameters.requireValid(errors);
        String cursor = one.apply("cursor");
        return new AuditQuery(one.apply("action"), outcome, one.apply("key"), one.apply("sender"), alert, since,
                until, limit, cursor == null ? null : KeysetCursor.decode(cursor));
    }
}
