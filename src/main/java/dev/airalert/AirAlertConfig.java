package dev.airalert;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** airalert's own configuration, prefix {@code airalert}. */
@ConfigMapping(prefix = "airalert")
public interface AirAlertConfig {

    /**
     * The admin API key ({@code AIRALERT_ADMIN_KEY}). When unset, one is generated at first
     * start, stored under {@link #dataDir()} and printed in the start-up log.
     */
    Optional<String> adminKey();

    /** Where the embedded default keeps its files (H2 database, generated admin key). */
    @WithDefault("data")
    Path dataDir();

    /** Publishing. */
    Ingest ingest();

    /** History queries. */
    History history();

    /** The gazetteer. */
    Regions regions();

    interface Ingest {
        /** Largest accepted alert document; larger bodies get 413. */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    interface Regions {
        /**
         * More GeoJSON files of regions, in the format of the built-in gazetteer (see the
         * README), loaded after it in order; a region with a code already known replaces it.
         */
        Optional<List<Path>> files();
    }

    interface History {
        /** Page size when the caller gives no {@code limit}. */
        @WithDefault("50")
        int defaultLimit();

        /** Largest {@code limit} a caller may ask for. */
        @WithDefault("500")
        int maxLimit();
    }
}
