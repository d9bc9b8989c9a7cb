package dev.airalert.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being away (stopped, restarting, unreachable, out
 * of connections) from a bug: the first is answered 503 with Retry-After, since the same
 * request will succeed once the database is back. Every change is one transaction, so it
 * was written whole or not at all (only a connection lost during the commit itself leaves
 * the caller unsure which; publishing again is safe, as a repeat is recognised).
 */
public final class DatabaseOutage {

    /** How long clients are asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, 0);
    }

    /** Looks through causes and suppressed exceptions (a failed commit reports its cause so). */
    private static boolean causedBy(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        if (isOutage(t)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (causedBy(suppressed, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && causedBy(t.getCause(), depth + 1);
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            // 08: connection exceptions (but 08P01, a protocol violation, is a bug);
            // 57P: the server is shutting down or starting up.
            if (state != null && (state.startsWith("08") && !state.equals("08P01") || state.startsWith("57P"))) {
                return true;
            }
            // The pool gave up waiting for a connection it could not open.
            return state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout");
        }
        return false;
    }
}
