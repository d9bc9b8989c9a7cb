package dev.airalert.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away" (503, try again) and which are bugs (500). */
class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreOutages() {
        assertTrue(DatabaseOutage.causedBy(new SQLException("I/O error", "08006")));
        assertTrue(DatabaseOutage.causedBy(new PersistenceException(new SQLException("terminating connection", "57P01"))));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SQLTransientConnectionException("pool"))));
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException(new SQLException("Acquisition timeout while waiting for new connection"))));
        RuntimeException commitFailed = new RuntimeException("commit failed");
        commitFailed.addSuppressed(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseOutage.causedBy(commitFailed), "suppressed causes count");
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("bug")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("protocol violation", "08P01")));
    }
}
