package dev.airalert.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A feed as an admin reads it: what it is, and how polling it goes. {@code messages} counts what
 * became of the messages it listed: {@code ingested} (stored), {@code repeated} (already held:
 * the same alert came by another way or an earlier copy), {@code refused} (invalid, not the key's
 * to send, or an entry without CAP; never tried again), {@code failing} (could not be fetched or
 * stored yet; tried again while listed) and {@code abandoned} (failed every attempt).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedView(UUID id, String url, String format, int pollIntervalSeconds, UUID publisherKey,
        boolean enabled, Instant createdAt, String createdBy, Status status) {

    /**
     * @param lastPollAt          the last poll's end, whatever it gave
     * @param lastChangeAt        the last poll that took a new message
     * @param lastSuccessAt       the last poll without an error (a 304 is one)
     * @param lastError           the last poll's error, kept after later good polls for the record
     * @param consecutiveFailures polls failed in a row; the wait after a failure doubles with each
     * @param nextPollAt          when the feed is due (while a poll runs: the end of its lease)
     */
    @Schema(name = "FeedStatus")
    public record Status(Instant lastPollAt, Instant lastChangeAt, Instant lastSuccessAt, String lastError,
            Instant lastErrorAt, int consecutiveFailures, Instant nextPollAt, long polls, long notModified,
            long failedPolls, Map<String, Long> messages) {
    }

    /** One message a feed listed, and what became of it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FeedMessage")
    public record Message(String url, Instant firstSeen, Instant settledAt, String outcome, int attempts,
            UUID alertId, String problem) {
    }
}
