package dev.airalert.alert;

import dev.airalert.NamedSql;
import dev.airalert.security.Audience;
import dev.airalert.security.Caller;
import dev.airalert.security.Roles;
import java.util.Map;

/**
 * Which alerts a reader may see: those that went out under the {@link Audience} rule
 * (scope), and alerts held for approval (or discarded) only by admins, the key that
 * published them and approvers allowed for their sender (who must read one to decide on it).
 * Held alerts are in no history but their publisher's and admins'; approvers find them in the
 * list of alerts waiting for approval. A reader never learns that an alert it may not see
 * exists (404).
 */
record Readers(Caller reader) {

    private static final String HELD = "a.state IN ('pending-approval', 'discarded')";

    static Readers anonymous() {
        return new Readers(Caller.anonymous(null));
    }

    boolean mayRead(Alert alert) {
        if (reader.isAdmin()) {
            return true;
        }
        boolean own = alert.publishedBy() != null && alert.publishedBy().equals(reader.keyUuid());
        if (alert.isHeld()) {
            return own || reader.has(Roles.APPROVER) && reader.senders().allows(alert.sender());
        }
        return Audience.of(alert.scope(), alert.addresses, alert.publishedBy()).admits(reader);
    }

    /** Whether the publisher-only details (which key published, who decided) are shown. */
    boolean seesPublisher() {
        return reader.isAdmin();
    }

    /** Narrows a history query on table {@code alert a} to what this reader may see. */
    void restrict(StringBuilder sql, Map<String, Object> params) {
        if (reader.isAdmin()) {
            return;
        }
        sql.append(" AND (((NOT ").append(HELD).append(") AND (a.scope = 'Public'");
        if (!reader.addresses().isEmpty()) {
            sql.append(" OR EXISTS (SELECT 1 FROM alert_address x WHERE x.alert_id = a.id AND ")
                    .append(NamedSql.in("x.address", reader.addresses(), "readerAddresses", params)).append(")");
        }
        sql.append("))");
        if (reader.keyUuid() != null) {
            // Written in (a UUID holds no quote), as NamedSql.in writes codes: a parameter here would
            // have every key's searches planned again at every request.
            sql.append(" OR a.published_by = '").append(reader.keyUuid()).append("'");
        }
        sql.append(")");
    }
}
