package dev.airalert.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An INSERT of many rows, written as statements of up to {@link #ROWS} rows each
 * ({@code VALUES (...), (...), ...}): a fan-out records thousands of deliveries and attempts at
 * once, and the database spends far less on one statement of 250 rows than on 250 statements
 * of one (plain SQL, so the embedded database takes it too).
 */
final class RowsInsert {

    static final int ROWS = 250;

    private final String head;
    private final int[] types;
    private final List<Object[]> rows = new ArrayList<>();

    /** {@code types}: the {@link java.sql.Types} of the columns, for their nulls. */
    RowsInsert(String table, List<String> columns, int... types) {
        if (columns.size() != types.length) {
            throw new IllegalArgumentException("one type per column");
        }
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.types = types;
    }

    /** A row, its values in the order of the columns; null stands for NULL. */
    void add(Object... values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException("one value per column");
        }
        rows.add(values);
    }

    /** Inserts the rows added, in order. */
    void execute(Connection c) throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
            try (PreparedStatement insert = c.prepareStatement(sql(chunk.size()))) {
                int parameter = 1;
                for (Object[] row : chunk) {
                    for (int column = 0; column < row.length; column++, parameter++) {
                        if (row[column] == null) {
                            insert.setNull(parameter, types[column]);
                        } else {
                            insert.setObject(parameter, row[column]);
                        }
                    }
                }
                insert.executeUpdate();
            }
        }
        rows.clear();
    }

    private String sql(int count) {
        String row = "(" + String.join(", ", Collections.nCopies(types.length, "?")) + ")";
        return head + String.join(", ", Collections.nCopies(count, row));
    }
}
