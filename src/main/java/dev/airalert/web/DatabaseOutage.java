package dev.airalert.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being away (stopped, restarting, unreachable, out
 * of connections) from a bug: the first is answered 503 with Retry-After, since the same
 * request will succeed once the database is back; nothing was written, as every change is
 * one transaction.
 */
public final class DatabaseOutage {

    /** How long clients are asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P: the server is shutting down or starting up.
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                // The pool gave up waiting for a connection it could not open.
                if (state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
