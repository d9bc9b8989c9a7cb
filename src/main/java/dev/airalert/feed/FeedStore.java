package dev.airalert.feed;

import dev.airalert.ColumnText;
import dev.airalert.NativeValues;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The feeds and the messages each has listed, in plain statements that PostgreSQL and H2 both
 * run. A poller claims a due feed {@code FOR UPDATE SKIP LOCKED} and leases it by moving its due
 * time to the end of the lease, noted in {@code leased_until}: replicas never poll one feed at
 * once, and a replica that dies mid-poll only delays it. A poll writes its end only while the
 * lease is still its own, so one that outlived its lease changes nothing.
 */
@ApplicationScoped
class FeedStore {

    private static final String COLUMNS = "id, url, format, poll_interval_seconds, publisher_key, enabled, created_at,"
            + " created_by, next_poll_at, etag, last_modified, last_poll_at, last_change_at, last_success_at,"
            + " last_error, last_error_at, consecutive_failures, polls, not_modified, failed_polls";
    private static final String DUE = "SELECT " + COLUMNS + " FROM feed WHERE enabled = TRUE AND next_poll_at <= ?"
            + " ORDER BY next_poll_at LIMIT ? FOR UPDATE SKIP LOCKED";
    /** What a poll leaves untouched: messages the index no longer lists, this long after they were settled, go. */
    static final java.time.Duration KEEP_UNLISTED = java.time.Duration.ofDays(30);

    /** A feed as stored. */
    record Feed(UUID id, String url, FeedFormat format, int pollIntervalSeconds, UUID publisherKey, boolean enabled,
            Instant createdAt, String createdBy, Instant nextPollAt, String etag, String lastModified,
            Instant lastPollAt, Instant lastChangeAt, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
            int consecutiveFailures, long polls, long notModified, long failedPolls) {
    }

    /** What the feed has done with a message so far, and when. */
    record Seen(String outcome, int attempts, Instant settledAt) {
    }

    /** How a poll ended, for the feed's row. */
    record PollEnd(Instant at, Instant nextPollAt, boolean notModified, boolean changed, String error,
            boolean keepValidators, String etag, String lastModified) {
    }

    private final AgroalDataSource dataSource;

    FeedStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds the feed.
     *
     * @return false when a feed of that URL exists
     */
    boolean insert(Feed f) {
        try {
            insertRow(f);
            return true;
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private void insertRow(Feed f) {
        run("INSERT INTO feed (id, url, format, poll_interval_seconds, publisher_key, enabled, created_at, created_by,"
                + " next_poll_at, url_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                    s.setObject(1, f.id());
                    s.setString(2, f.url());
                    s.setString(3, f.format().code());
                    s.setInt(4, f.pollIntervalSeconds());
                    s.setObject(5, f.publisherKey());
                    s.setBoolean(6, f.enabled());
                    s.setTimestamp(7, Timestamp.from(f.createdAt()));
                    s.setString(8, ColumnText.fit(f.createdBy(), 200));
                    s.setTimestamp(9, Timestamp.from(f.nextPollAt()));
                    s.setString(10, dev.airalert.Sha256.hex(f.url()));
                    return s.executeUpdate();
                });
    }

    List<Feed> list() {
        return run("SELECT " + COLUMNS + " FROM feed ORDER BY created_at, id", s -> {
            List<Feed> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(feed(rs));
                }
            }
            return out;
        });
    }

    Optional<Feed> find(UUID id) {
        return run("SELECT " + COLUMNS + " FROM feed WHERE id = ?", s -> {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(feed(rs)) : Optional.empty();
            }
        });
    }

    /**
     * Changes what an admin may change; the feed is due at {@code dueAt} (null: unchanged), unless a
     * poll of it is under way, which then ends as it would have.
     */
    boolean update(UUID id, Boolean enabled, Integer pollIntervalSeconds, Instant dueAt) {
        return run("UPDATE feed SET enabled = COALESCE(?, enabled), poll_interval_seconds = COALESCE(?,"
                + " poll_interval_seconds), next_poll_at = CASE WHEN CAST(? AS TIMESTAMP WITH TIME ZONE) IS NULL"
                + " OR (leased_until IS NOT NULL AND leased_until > ?) THEN next_poll_at ELSE ? END WHERE id = ?", s -> {
                    Timestamp due = dueAt == null ? null : Timestamp.from(dueAt);
                    s.setObject(1, enabled, Types.BOOLEAN);
                    s.setObject(2, pollIntervalSeconds, Types.INTEGER);
                    s.setTimestamp(3, due);
                    s.setTimestamp(4, due);
                    s.setTimestamp(5, due);
                    s.setObject(6, id);
                    return s.executeUpdate();
                }) == 1;
    }

    boolean delete(UUID id) {
        return run("DELETE FROM feed WHERE id = ?", s -> {
            s.setObject(1, id);
            return s.executeUpdate();
        }) == 1;
    }

    /** Claims up to {@code limit} due feeds for this poller until {@code leaseUntil}. */
    List<Feed> claimDue(Instant now, Instant leaseUntil, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement select = c.prepareStatement(DUE)) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setInt(2, limit);
                List<Feed> claimed = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(feed(rs));
                    }
                }
                if (!claimed.isEmpty()) {
                    try (PreparedStatement lease = c.prepareStatement(
                            "UPDATE feed SET next_poll_at = ?, leased_until = ? WHERE id = ANY(?)")) {
                        lease.setTimestamp(1, Timestamp.from(leaseUntil));
                        lease.setTimestamp(2, Timestamp.from(leaseUntil));
                        lease.setArray(3, c.createArrayOf("uuid", claimed.stream().map(Feed::id).toArray()));
                        lease.executeUpdate();
                    }
                }
                c.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Gives a claimed feed back, due at {@code dueAt}, if the lease is still this poll's. */
    void release(UUID feed, Instant leaseUntil, Instant dueAt) {
        run("UPDATE feed SET next_poll_at = ?, leased_until = NULL WHERE id = ? AND leased_until = ?", s -> {
            s.setTimestamp(1, Timestamp.from(dueAt));
            s.setObject(2, feed);
            s.setTimestamp(3, Timestamp.from(leaseUntil));
            return s.executeUpdate();
        });
    }

    /** Lets go of the rows of messages the index no longer lists, settled before {@code before}. */
    int prune(UUID feed, Collection<String> listed, Instant before) {
        return run("DELETE FROM feed_message WHERE feed_id = ? AND settled_at < ? AND outcome <> 'failing'"
                + " AND NOT (item_key = ANY(?))", s -> {
                    s.setObject(1, feed);
                    s.setTimestamp(2, Timestamp.from(before));
                    s.setArray(3, s.getConnection().createArrayOf("varchar", listed.toArray()));
                    return s.executeUpdate();
                });
    }

    /** What the feed did with each of these messages so far; absent: never seen. */
    Map<String, Seen> seen(UUID feed, Collection<String> keys) {
        Map<String, Seen> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        return run("SELECT item_key, outcome, attempts, settled_at FROM feed_message WHERE feed_id = ?"
                + " AND item_key = ANY(?)", s -> {
            s.setObject(1, feed);
            s.setArray(2, s.getConnection().createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Seen(rs.getString(2), rs.getInt(3), instant(rs, 4)));
                }
            }
            return out;
        });
    }

    /** Records what became of a message (a row of its own the first time, updated on later attempts). */
    void settle(UUID feed, FeedIndex.Item item, String outcome, int attempts, UUID alertId, String problem, Instant now) {
        String fitted = problem == null ? null : ColumnText.fit(problem, 1000);
        int updated = run("UPDATE feed_message SET outcome = ?, attempts = ?, alert_id = ?, problem = ?, settled_at = ?"
                + " WHERE feed_id = ? AND item_key = ?", s -> {
                    s.setString(1, outcome);
                    s.setInt(2, attempts);
                    s.setObject(3, alertId);
                    s.setString(4, fitted);
                    s.setTimestamp(5, Timestamp.from(now));
                    s.setObject(6, feed);
                    s.setString(7, item.key());
                    return s.executeUpdate();
                });
        if (updated == 0) {
            insertMessage(feed, item, outcome, attempts, alertId, fitted, now);
        }
    }

    private void insertMessage(UUID feed, FeedIndex.Item item, String outcome, int attempts, UUID alertId,
            String fitted, Instant now) {
        try {
            run("INSERT INTO feed_message (feed_id, item_key, url, first_seen, settled_at, outcome, attempts, alert_id,"
                    + " problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s -> {
                        s.setObject(1, feed);
                        s.setString(2, item.key());
                        s.setString(3, item.url() == null ? null : ColumnText.fit(item.url(), 2048));
                        s.setTimestamp(4, Timestamp.from(now));
                        s.setTimestamp(5, Timestamp.from(now));
                        s.setString(6, outcome);
                        s.setInt(7, attempts);
                        s.setObject(8, alertId);
                        s.setString(9, fitted);
                        return s.executeUpdate();
                    });
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
                throw e;
            }
            // Written meanwhile by a poll that outlived its lease: this one's word is the later.
            settle(feed, item, outcome, attempts, alertId, fitted, now);
        }
    }

    /**
     * Writes how the poll ended and when the feed is next due, and releases the claim; nothing when
     * the lease ({@code leaseUntil}) is no longer this poll's.
     *
     * @return whether it was written
     */
    boolean endPoll(UUID feed, Instant leaseUntil, PollEnd end) {
        boolean failed = end.error() != null;
        return run("UPDATE feed SET next_poll_at = ?, leased_until = NULL, last_poll_at = ?, polls = polls + 1,"
                + " not_modified = not_modified + ?, failed_polls = failed_polls + ?,"
                + " consecutive_failures = CASE WHEN ? THEN consecutive_failures + 1 ELSE 0 END,"
                + " last_success_at = CASE WHEN ? THEN last_success_at ELSE ? END,"
                + " last_change_at = CASE WHEN ? THEN ? ELSE last_change_at END,"
                + " last_error = CASE WHEN ? THEN ? ELSE last_error END,"
                + " last_error_at = CASE WHEN ? THEN ? ELSE last_error_at END,"
                + " etag = CASE WHEN ? THEN etag ELSE ? END, last_modified = CASE WHEN ? THEN last_modified ELSE ? END"
                + " WHERE id = ? AND leased_until = ?", s -> {
                    Timestamp at = Timestamp.from(end.at());
                    int i = 1;
                    s.setTimestamp(i++, Timestamp.from(end.nextPollAt()));
                    s.setTimestamp(i++, at);
                    s.setInt(i++, end.notModified() ? 1 : 0);
                    s.setInt(i++, failed ? 1 : 0);
                    s.setBoolean(i++, failed);
                    s.setBoolean(i++, failed);
                    s.setTimestamp(i++, at);
                    s.setBoolean(i++, end.changed());
                    s.setTimestamp(i++, at);
                    s.setBoolean(i++, failed);
                    s.setString(i++, failed ? ColumnText.fit(end.error(), 1000) : null);
                    s.setBoolean(i++, failed);
                    s.setTimestamp(i++, at);
                    s.setBoolean(i++, end.keepValidators());
                    s.setString(i++, end.etag() == null ? null : ColumnText.fit(end.etag(), 1024));
                    s.setBoolean(i++, end.keepValidators());
                    s.setString(i++, end.lastModified() == null ? null : ColumnText.fit(end.lastModified(), 100));
                    s.setObject(i++, feed);
                    s.setTimestamp(i, Timestamp.from(leaseUntil));
                    return s.executeUpdate();
                }) == 1;
    }

    /** How many of the feed's messages ended each way. */
    Map<String, Long> counts(UUID feed) {
        return run("SELECT outcome, COUNT(*) FROM feed_message WHERE feed_id = ? GROUP BY outcome", s -> {
            s.setObject(1, feed);
            Map<String, Long> out = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** The feed's messages, last settled first. */
    List<FeedView.Message> messages(UUID feed, int limit) {
        return run("SELECT url, first_seen, settled_at, outcome, attempts, alert_id, problem FROM feed_message"
                + " WHERE feed_id = ? ORDER BY settled_at DESC, item_key LIMIT ?", s -> {
                    s.setObject(1, feed);
                    s.setInt(2, limit);
                    List<FeedView.Message> out = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.add(new FeedView.Message(rs.getString(1), instant(rs, 2), instant(rs, 3), rs.getString(4),
                                    rs.getInt(5), NativeValues.uuid(rs.getObject(6)), rs.getString(7)));
                        }
                    }
                    return out;
                });
    }

    private static Feed feed(ResultSet rs) throws SQLException {
        return new Feed(NativeValues.uuid(rs.getObject(1)), rs.getString(2), FeedFormat.of(rs.getString(3)), rs.getInt(4),
                NativeValues.uuid(rs.getObject(5)), rs.getBoolean(6), instant(rs, 7), rs.getString(8), instant(rs, 9),
                rs.getString(10), rs.getString(11), instant(rs, 12), instant(rs, 13), instant(rs, 14), rs.getString(15),
                instant(rs, 16), rs.getInt(17), rs.getLong(18), rs.getLong(19), rs.getLong(20));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run(PreparedStatement s) throws SQLException;
    }

    /** One statement on a connection of its own, committed on its own. */
    private <T> T run(String sql, Statement<T> work) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            return work.run(s);
        } catch (SQLException e) {
            throw new IllegalStateException("feed store: " + e.getMessage(), e);
        }
    }
}
