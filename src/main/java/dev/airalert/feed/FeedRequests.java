package dev.airalert.feed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What admins send to add and change feeds. */
public final class FeedRequests {

    private FeedRequests() {
    }

    /**
     * A feed to poll: its URL, what it serves ({@code atom}, {@code rss} or {@code cap}), how
     * often (5 to 3600 seconds) and the API key whose rights every message of it is published under.
     */
    public record Add(@NotBlank @Size(max = 2048) String url, @NotBlank @Size(max = 8) String format,
            @NotNull Integer pollIntervalSeconds, @NotNull UUID publisherKey) {
    }

    /** Pauses or resumes a feed, or changes how often it is polled; absent fields stay as they are. */
    public record Change(Boolean enabled, Integer pollIntervalSeconds) {
    }
}
