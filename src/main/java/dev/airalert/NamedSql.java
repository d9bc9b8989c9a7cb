package dev.airalert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SQL written with {@code :named} parameters, run as a plain JDBC statement: each name becomes
 * a placeholder, a collection one placeholder per element. For the statements read on a hot
 * path, where Hibernate's native query (recognising the parameters, binding, wrapping each row)
 * cost more than the database's work. Quoted literals are copied as they are; {@code ::} casts
 * are not parameters.
 */
public final class NamedSql {

    /** Values that are safe written into a statement: codes and the words of closed lists, no quote among them. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private NamedSql() {
    }

    /**
     * {@code column IN (...)} of {@code values}: written in, sorted, when each is a code or a word
     * of a closed list (CAP's statuses, a region's code); else bound as {@code :name}. PostgreSQL
     * plans a prepared statement with parameters again at every run when its generic plan looks
     * dearer than the last ones (an oblast's merge of 82 index ranges: 5 ms to plan, 1 ms to
     * run), and one without parameters once for each connection.
     */
    public static String in(String column, Collection<String> values, String name, Map<String, Object> params) {
        if (values.stream().allMatch(NamedSql::isWord)) {
            return column + " IN (" + values.stream().sorted().map(v -> "'" + v + "'").collect(Collectors.joining(", "))
                    + ")";
        }
        params.put(name, values);
        return column + " IN (:" + name + ")";
    }

    /** Whether {@code value} is safe to write into a statement as a quoted literal (see {@link #in}). */
    public static boolean isWord(String value) {
        return WORD.matcher(value).matches();
    }

    /** {@code sql} prepared on {@code c} with {@code params} bound; the caller closes it. */
    public static PreparedStatement prepare(Connection c, String sql, Map<String, ?> params) throws SQLException {
        List<Object> values = new ArrayList<>();
        String positional = positional(sql, params, values);
        PreparedStatement statement = c.prepareStatement(positional);
        try {
            for (int n = 0; n < values.size(); n++) {
                Object value = values.get(n);
                // JDBC drivers take the date-time of a timestamp column as OffsetDateTime, not Instant.
                statement.setObject(n + 1, value instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : value);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** {@code sql} with placeholders for its names; the values to bind, in order, are added to {@code values}. */
    static String positional(String sql, Map<String, ?> params, List<Object> values) {
        StringBuilder out = new StringBuilder(sql.length());
        int length = sql.length();
        for (int i = 0; i < length; i++) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                int end = sql.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed literal in " + sql);
                }
                out.append(sql, i, end + 1);
                i = end;
            } else if (ch == ':' && i + 1 < length && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < length && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name);
                }
                Object value = params.get(name);
                if (value instanceof Collection<?> many) {
                    if (many.isEmpty()) {
                        throw new IllegalArgumentException("No values for :" + name);
                    }
                    for (int n = 0; n < many.size(); n++) {
                        out.append(n == 0 ? "?" : ", ?");
                    }
                    values.addAll(many);
                } else {
                    out.append('?');
                    values.add(value);
                }
                i = end - 1;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
