package dev.airalert.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Claims due rows of an outbox table for one worker. The channel's query selects them
 * {@code FOR UPDATE SKIP LOCKED}, so instances never claim the same row and none waits for
 * another; the worker keeps what it can take now; those are leased by moving their due time to
 * the end of the lease, which outlasts the work: claimed rows leave the head of the table
 * (claims stay cheap), and a worker that dies only delays them until the lease ends, when any
 * instance claims them again. Nothing is deleted here: the worker settles each row when its
 * work is done.
 */
public final class OutboxClaim<R> {

    /** Reads one selected row. */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(ResultSet rs) throws SQLException;
    }

    private final String lease;
    private final String keyType;
    private final RowReader<R> reader;
    private final Function<R, Object> keyOf;

    /**
     * {@code table} and its {@code due} column; {@code key} names a row within {@code scope} (a
     * condition with one parameter, such as {@code connector = ?}, or null for the whole table),
     * of SQL type {@code keyType}; {@code reader} reads a selected row, {@code keyOf} its key.
     */
    public OutboxClaim(String table, String due, String key, String keyType, String scope, RowReader<R> reader,
            Function<R, Object> keyOf) {
        this.lease = "UPDATE " + table + " SET " + due + " = ? WHERE " + (scope == null ? "" : scope + " AND ")
                + key + " = ANY(?)";
        this.keyType = keyType;
        this.reader = reader;
        this.keyOf = keyOf;
    }

    /**
     * In the transaction of {@code c}: the rows {@code select} gives (prepared on {@code c}, its
     * parameters set), of which {@code keep} returns those to take; they are leased until
     * {@code leaseUntil} and returned. {@code scopeValue} is the scope's parameter. The lease end
     * is bound as the caller binds its other times of that column (a {@code Timestamp}, an
     * {@code OffsetDateTime}): one column compared under two bindings can disagree on H2 in the
     * hour a daylight-saving clock goes back.
     */
    public List<R> claim(Connection c, PreparedStatement select, UnaryOperator<List<R>> keep, Object scopeValue,
            Object leaseUntil) throws SQLException {
        List<R> due = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                due.add(reader.read(rs));
            }
        }
        List<R> taken = due.isEmpty() ? due : keep.apply(due);
        if (!taken.isEmpty()) {
            Array keys = c.createArrayOf(keyType, taken.stream().map(keyOf).toArray());
            try (PreparedStatement update = c.prepareStatement(lease)) {
                int i = 1;
                update.setObject(i++, leaseUntil);
                if (scopeValue != null) {
                    update.setObject(i++, scopeValue);
                }
                update.setArray(i, keys);
                update.executeUpdate();
            }
        }
        return taken;
    }
}
