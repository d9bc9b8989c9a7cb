package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys of the delivery tables (delivery, its queue rows, its attempts).
 * A fan-out writes a delivery and an attempt row per subscriber; checking and locking the
 * referenced subscription, event and delivery rows made up about 60% of that write on
 * PostgreSQL. The service writes these rows only for events and subscriptions it has just
 * read, and deleting a subscription deletes its deliveries itself. In Java because the
 * constraints' names differ between PostgreSQL and H2: they are looked up, not assumed.
 */
public class V5__Delivery_tables_without_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        List<String> drops = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name, constraint_name FROM information_schema.table_constraints"
                        + " WHERE constraint_type = 'FOREIGN KEY' AND lower(table_schema) = lower(current_schema())"
                        + " AND lower(table_name) IN ('delivery', 'delivery_queue', 'delivery_attempt')")) {
            while (rs.next()) {
                drops.add("ALTER TABLE " + rs.getString(1) + " DROP CONSTRAINT \"" + rs.getString(2) + "\"");
            }
        }
        try (Statement s = c.createStatement()) {
            for (String drop : drops) {
                s.execute(drop);
            }
        }
    }
}
