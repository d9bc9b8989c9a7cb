package dev.airalert.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's H2 store, opened with exactly the URL options of the embedded
 * profile (read from {@code application.properties}) in a directory of its own: a commit
 * is in the file when it returns, thread interrupts in the middle of JDBC work close
 * nothing, a database written under the former URL still opens, and a long run of small
 * commits does not blow the file up.
 */
class EmbeddedStoreTest {

    /** The former embedded URL, before the file system prefix and the write options. */
    private static final String FORMER_URL = "jdbc:h2:file:./data/airalert;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";

    @TempDir
    Path dir;

    @Test
    void aCommitIsInTheFileWhenItReturns() throws Exception {
        try (Connection connection = open(dir)) {
            createTable(connection);
            for (int i = 1; i <= 20; i++) {
                insert(connection, "row-" + i);
                // What a kill -9 leaves: the file as it is now, the process never closing it.
                Path crashed = Files.createTempDirectory(dir, "crashed-");
                Files.copy(dir.resolve("airalert.mv.db"), crashed.resolve("airalert.mv.db"));
                try (Connection copy = open(crashed)) {
                    assertEquals(i, ids(copy).size(), "every commit so far is in the file");
                }
            }
        }
    }

    /**
     * A thread is interrupted over and over while its commits write the file, and another
     * connection reads meanwhile. With H2's default file channel the first interrupt during a
     * write closed the database for every connection; through {@code async:} nothing closes.
     * (H2's own locks are not safe either: a thread interrupted while it waits for one inside
     * a commit can close the store, so the embedded profile keeps interrupts away; this test
     * keeps writes on one thread, so that no such wait happens.)
     */
    @Test
    void interruptsInTheMiddleOfJdbcWorkCloseNothing() throws Exception {
        String url = urlFor(dir);
        try (Connection setup = open(dir)) {
            createTable(setup);
        }
        ConcurrentLinkedQueue<String> committed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        Thread writer = new Thread(() -> writeUntilStopped(url, committed, failures, running));
        Thread reader = new Thread(() -> readUntilStopped(url, committed, reads, failures, running));
        try (Connection other = open(dir)) {
            writer.start();
            reader.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            int interrupts = 0;
            while (System.nanoTime() < end && failures.isEmpty()) {
                writer.interrupt();
                interrupts++;
                LockSupport.parkNanos(50_000);
            }
            running.set(false);
            writer.join(10_000);
            reader.join(10_000);
            assertTrue(failures.isEmpty(), () -> "no JDBC call failed: " + failures.peek());
            assertTrue(interrupts > 1_000, "interrupted often: " + interrupts);
            assertTrue(committed.size() > 50, "the interrupted thread committed: " + committed.size());
            assertTrue(reads.get() > 50, "another connection read meanwhile: " + reads.get());
            // The store is still open for every connection, with everything in it.
            assertEquals(new TreeSet<>(committed), ids(other));
            insert(other, "after");
        }
        try (Connection reopened = open(dir)) {
            Set<String> expected = new TreeSet<>(committed);
            expected.add("after");
            assertEquals(expected, ids(reopened), "and in the file after closing and opening again");
        }
    }

    @Test
    void aDatabaseWrittenUnderTheFormerUrlStillOpens() throws Exception {
        try (Connection former = DriverManager.getConnection(inDirectory(FORMER_URL, dir), "sa", "")) {
            createTable(former);
            insert(former, "before the new options");
        }
        try (Connection current = open(dir)) {
            assertEquals(Set.of("before the new options"), ids(current));
        }
    }

    @Test
    void manySmallCommitsKeepTheFileCompact() throws Exception {
        String body = "x".repeat(1_500);
        try (Connection connection = open(dir)) {
            createTable(connection);
            // The store keeps replaced data 5 s before reusing its space, which this test does not
            // wait for; with one connection at a time it may be reused at once.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET RETENTION_TIME 0");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert(id, body) VALUES (?, ?)")) {
                for (int i = 0; i < 3_000; i++) {
                    insert.setString(1, "row-" + i);
                    insert.setString(2, body);
                    insert.executeUpdate();
                    if (i % 100 == 99) {
                        H2Housekeeping.run(connection);
                    }
                }
            }
            long data = 3_000L * body.length();
            long file = Files.size(dir.resolve("airalert.mv.db"));
            // Without housekeeping the file is over ten times the data, and grows with every commit.
            assertTrue(file < 4 * data, () -> "file " + file + " bytes for " + data + " bytes of data");
        }
    }

    /**
     * Inserts and reads in transactions of its own until told to stop, rolling every third
     * back (what the transaction reaper does on the thread it then interrupts); records each
     * id whose commit returned. Each commit writes the file from this thread.
     */
    private static void writeUntilStopped(String url, ConcurrentLinkedQueue<String> committed,
            ConcurrentLinkedQueue<Throwable> failures, AtomicBoolean running) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(false);
            for (int i = 0; running.get(); i++) {
                String id = "interrupted-" + i;
                insert(connection, id);
                ids(connection);
                if (i % 3 == 2) {
                    connection.rollback();
                } else {
                    connection.commit();
                    committed.add(id);
                }
            }
        } catch (SQLException | RuntimeException e) {
            failures.add(e);
        } finally {
            Thread.interrupted();
        }
    }

    /** Reads on a connection of its own until told to stop: every row committed so far must be there. */
    private static void readUntilStopped(String url, ConcurrentLinkedQueue<String> committed, AtomicInteger reads,
            ConcurrentLinkedQueue<Throwable> failures, AtomicBoolean running) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            while (running.get()) {
                Set<String> before = new TreeSet<>(committed);
                Set<String> read = ids(connection);
                if (!read.containsAll(before)) {
                    failures.add(new AssertionError("committed rows missing from a read"));
                }
                reads.incrementAndGet();
            }
        } catch (SQLException | RuntimeException e) {
            failures.add(e);
        }
    }

    private static Connection open(Path directory) throws SQLException {
        return DriverManager.getConnection(urlFor(directory), "sa", "");
    }

    private static String urlFor(Path directory) {
        return inDirectory(embeddedUrl(), directory);
    }

    /** The URL with its data directory (the data-dir property's, or the former ./data) replaced by this one. */
    private static String inDirectory(String url, Path directory) {
        String dataDir = url.contains("${airalert.data-dir}/airalert") ? "${airalert.data-dir}" : "./data";
        assertTrue(url.contains(dataDir + "/airalert"), url);
        return url.replace(dataDir + "/airalert", directory.toAbsolutePath() + "/airalert");
    }

    static String embeddedUrl() {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedStoreTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties.getProperty("%embedded.quarkus.datasource.jdbc.url");
    }

    private static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE alert(id VARCHAR(64) PRIMARY KEY, body VARCHAR)");
        }
    }

    private static void insert(Connection connection, String id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert(id, body) VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, "body of " + id);
            insert.executeUpdate();
        }
    }

    private static Set<String> ids(Connection connection) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT id FROM alert")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
