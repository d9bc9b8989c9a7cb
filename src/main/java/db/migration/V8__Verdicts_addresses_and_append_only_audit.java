package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.cap.CapAddresses;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * What the previous release stored, brought up to the rules of this one:
 * <ul>
 * <li>alerts published as signed CAP XML get the verdict {@code unverifiable}: no sender had
 * a certificate registered, so none could be verified (the rest keep {@code unsigned});</li>
 * <li>Restricted and Private alerts get their {@code addresses} indexed, which is what
 * decides who may read them, and their events are marked restricted (so that no stream
 * replays them to anyone) and leave the broker outbox (broker topics are for everyone);</li>
 * <li>on PostgreSQL, the audit trail refuses UPDATE, TRUNCATE, and DELETE of rows younger than a
 * day (less an hour, for clocks that differ):
 * the service only ever appends, and removes rows by age.</li>
 * </ul>
 * In Java because the first two read the stored documents, and the trigger is PostgreSQL's.
 */
public class V8__Verdicts_addresses_and_append_only_audit extends BaseJavaMigration {

    private static final byte[] DSIG = "http://www.w3.org/2000/09/xmldsig#".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        signatureVerdicts(c);
        addresses(c);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE alert_event SET audience = 'restricted', published_by = (SELECT a.published_by"
                    + " FROM alert a WHERE a.id = alert_event.alert_id) WHERE alert_id IN"
                    + " (SELECT id FROM alert WHERE scope <> 'Public')");
            s.executeUpdate("DELETE FROM broker_outbox WHERE event_seq IN"
                    + " (SELECT seq FROM alert_event WHERE audience = 'restricted')");
        }
        if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                          IF TG_OP = 'UPDATE' OR OLD.at > now() - interval '23 hours' THEN
                            RAISE EXCEPTION 'the audit trail is append-only';
                          END IF;
                          RETURN OLD;
                        END $$""");
                s.execute("CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event"
                        + " FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()");
                s.execute("CREATE FUNCTION audit_event_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$");
                s.execute("CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event"
                        + " FOR EACH STATEMENT EXECUTE FUNCTION audit_event_no_truncate()");
            }
        }
    }

    private static void signatureVerdicts(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, original_xml FROM alert WHERE original_xml IS NOT NULL");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE alert SET signature_verdict = 'unverifiable', signature_reason = ? WHERE id = ?")) {
            while (rs.next()) {
                if (contains(rs.getBytes(2), DSIG)) {
                    update.setString(1, "signed before certificates could be registered");
                    update.setObject(2, rs.getObject(1));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static void addresses(Connection c) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, document FROM alert WHERE scope <> 'Public'");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO alert_address (alert_id, address) VALUES (?, ?)")) {
            while (rs.next()) {
                JsonNode document = json.readTree(rs.getString(2));
                for (String address : CapAddresses.parse(document.path("addresses").asText(""))) {
                    if (address.length() > CapAddresses.MAX_LENGTH) {
                        continue; // never accepted since; such an address could not be matched
                    }
                    insert.setObject(1, rs.getObject(1));
                    insert.setString(2, address);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
