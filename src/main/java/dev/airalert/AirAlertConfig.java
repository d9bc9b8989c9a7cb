package dev.airalert;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** airalert's own configuration, prefix {@code airalert}. */
@ConfigMapping(prefix = "airalert")
public interface AirAlertConfig {

    /**
     * The admin API key ({@code AIRALERT_ADMIN_KEY}). When unset, one is generated at first
     * start and stored in {@code admin-key} under {@link #dataDir()} (never logged).
     */
    Optional<String> adminKey();

    /**
     * Where the service keeps its files: generated admin and master keys; the embedded default's H2
     * database. Absolute, or relative to the working directory beginning with {@code ./} (H2 takes
     * no other file path).
     */
    @WithDefault("./data")
    Path dataDir();

    /** Publishing. */
    Ingest ingest();

    /** History queries. */
    History history();

    /** The gazetteer. */
    Regions regions();

    /** Webhook delivery. */
    Webhooks webhooks();

    /** Message brokers alerts are published to. */
    Messaging messaging();

    /** The live stream {@code GET /api/v1/alerts/stream}. */
    Stream stream();

    /** Rights, limits, secrets at rest and what operations endpoints expose. */
    Security security();

    /** The audit trail. */
    Audit audit();

    /** The alerts.in.ua and ukrainealarm compatible APIs ({@code /v1/...}, {@code /api/v3/...}). */
    Compat compat();

    /** Web Push to browsers ({@code /api/v1/push/...}). */
    Push push();

    /** The service's own worker threads (delivery, brokers, stream), and what health says of them. */
    Workers workers();

    interface Workers {
        /** How long a worker that died waits before it is started again; each further death doubles it. */
        @WithDefault("100ms")
        Duration restartDelay();

        /** The longest wait before a restart. */
        @WithDefault("30s")
        Duration maxRestartDelay();

        /** A worker that has run this long without dying is restarted after {@link #restartDelay()} again. */
        @WithDefault("1m")
        Duration stableAfter();

        /** Liveness is DOWN while a worker has died this many times within {@link #deathWindow()}. */
        @WithDefault("5")
        int maxDeaths();

        /** The window {@link #maxDeaths()} counts in; longer than that many maximal restart delays. */
        @WithDefault("5m")
        Duration deathWindow();
    }

    interface Audit {
        /** How long audit entries are kept; older ones are removed (at least a day). */
        @WithDefault("400d")
        Duration retention();
    }

    interface Security {
        /**
         * Proxies (CIDR ranges) whose {@code X-Forwarded-For} names the client: the client is
         * the nearest address in that header that is not itself such a proxy. Empty: the
         * connection's own address, whatever the headers say.
         */
        Optional<List<String>> trustedProxies();

        /** Alerts one key may publish a minute (and at once) unless the key carries its own limit. */
        @WithDefault("2000")
        int publishesPerMinute();

        /** Failed authentications one client address may make a minute; then 429 until it has waited. */
        @WithDefault("20")
        int failedAuthenticationsPerMinute();

        /**
         * The master key (base64 of 32 random bytes) that encrypts every secret the service
         * stores: webhook secrets and its own keys. When unset, one is generated at first
         * start and stored in {@code master-key} under {@code airalert.data-dir}. Replicas must
         * share it.
         */
        Optional<String> masterKey();

        /** Former master keys, still read after a rotation; stored secrets are re-encrypted at start. */
        Optional<List<String>> previousMasterKeys();

        /** Who may read {@code /q/metrics}: {@code open}, {@code key} (admin or monitor) or {@code closed}. */
        @WithDefault("open")
        Exposure metrics();

        /** Who may read {@code /q/openapi} and {@code /q/swagger-ui}: {@code open}, {@code key} or {@code closed}. */
        @WithDefault("open")
        Exposure apiDocs();

        /** Access to an operations endpoint. */
        enum Exposure {
            OPEN,
            KEY,
            CLOSED
        }
    }

    interface Stream {
        /** How often the stream looks for events other instances committed. */
        @WithDefault("100ms")
        Duration pollInterval();

        /** How often an idle stream sends a comment, so that proxies keep it open. */
        @WithDefault("15s")
        Duration heartbeat();

        /** How far back a reconnecting client ({@code Last-Event-ID}) is given what it missed. */
        @WithDefault("24h")
        Duration replayWindow();

        /** Whether the stream needs an API key (any role); anonymous by default, like history. */
        @WithDefault("false")
        boolean requireKey();
    }

    interface Messaging {
        /** RabbitMQ: topic exchange {@code alerts}. Broker address: {@code rabbitmq-host}, {@code rabbitmq-port}. */
        Connector rabbitmq();

        /** MQTT: topics {@code alerts/<country>/<region>} and their retained {@code /state}. */
        Connector mqtt();

        /** Kafka: topic {@code alerts}, keyed by region. Brokers: {@code kafka.bootstrap.servers}. */
        Connector kafka();

        /** Taking alerts in from brokers: RabbitMQ queue {@code alerts.ingest}, MQTT topic {@code alerts/ingest}. */
        Ingest ingest();

        interface Ingest {
            /** Whether alerts are taken from the RabbitMQ queue {@code alerts.ingest}. */
            @WithDefault("false")
            boolean rabbitmq();

            /** Whether alerts are taken from the MQTT topic {@code alerts/ingest}. */
            @WithDefault("false")
            boolean mqtt();

            /**
             * The id of the API key (role publisher) broker ingest publishes as: alerts are
             * recorded as published by it, and nothing is accepted while it is missing,
             * revoked or not a publisher.
             */
            Optional<java.util.UUID> publisher();
        }

        /** How often an instance looks for broker work other instances committed. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** Waits before publishing an event again after its broker failed: doubling up to the last. */
        @WithDefault("1s,2s,5s,10s,30s")
        List<Duration> retrySchedule();

        interface Connector {
            /** Whether alerts are published through this broker (off unless switched on). */
            @WithDefault("false")
            boolean enabled();
        }
    }

    interface Ingest {
        /** Largest accepted alert document; larger bodies get 413. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /**
         * Alerts per request (the contentObjects of an EDXL-DE envelope): each is stored with its
         * events in the request's one transaction, which must end well inside the deadline.
         */
        @WithDefault("100")
        int maxAlertsPerRequest();

        /** Info blocks per alert. */
        @WithDefault("32")
        int maxInfos();

        /** Areas per alert, over all its infos (an alert naming every hromada in two languages fits). */
        @WithDefault("4000")
        int maxAreas();

        /** Geocodes per alert, over all its areas. */
        @WithDefault("10000")
        int maxGeocodes();

        /** Polygons and circles per alert. */
        @WithDefault("100")
        int maxShapes();

        /** Points of one polygon. */
        @WithDefault("5000")
        int maxPolygonPoints();

        /** Points of all polygons of an alert. */
        @WithDefault("10000")
        int maxPoints();

        /** Entries in an alert's references (a Cancel ending many alerts at once). */
        @WithDefault("2000")
        int maxReferences();

        /** eventCodes, parameters and resources per info, each. */
        @WithDefault("200")
        int maxNamedValues();

        /**
         * The longest a publish may work before it is given up with a 503 (nothing stored);
         * well under the transaction timeout, so no request holds a connection or a lock long.
         */
        @WithDefault("10s")
        Duration deadline();
    }

    interface Regions {
        /**
         * More GeoJSON files of regions, in the format of the built-in gazetteer (see
         * docs/regions.md), loaded after it in order; a region with a code already known
         * replaces it.
         */
        Optional<List<Path>> files();

        /**
         * A table of other alert services' location ids to use instead of the built-in one
         * (same format as {@code regions/alert-location-ids.json}; see docs/regions.md), so that
         * an operator can refresh the ids without a new release.
         */
        Optional<Path> locationIds();
    }

    interface Webhooks {
        /** Whether this instance delivers webhooks (fan-out and dispatch workers run). */
        @WithDefault("true")
        boolean enabled();

        /**
         * Waits before each retry after the first attempt; each gets +-20% jitter. When
         * they are used up, the delivery has failed for good.
         */
        @WithDefault("5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retrySchedule();

        /** The longest wait a receiver's Retry-After can ask for; longer values are capped. */
        @WithDefault("1h")
        Duration maxRetryAfter();

        /** How long one delivery request may take, connect to last byte. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Requests in flight at once from this instance, to all endpoints. */
        @WithDefault("256")
        int maxInFlight();

        /**
         * Requests the service sends to a server of its own on 127.0.0.1 right after start, in
         * the background, so that the first alert's fan-out finds the send path compiled;
         * nothing leaves the process. 0: none.
         */
        @WithDefault("6000")
        int warmUpRequests();

        /** Requests in flight at once from this instance to one subscription. */
        @WithDefault("8")
        int perEndpointConcurrency();

        /** A subscription that has failed continuously this long is disabled. */
        @WithDefault("5d")
        Duration disableAfter();

        /** How long the previous secret still signs after a rotation. */
        @WithDefault("24h")
        Duration rotationGrace();

        /** How often workers look for work when nothing woke them. */
        @WithDefault("250ms")
        Duration pollInterval();

        /**
         * Networks (CIDR) webhook targets may resolve to although they are special-purpose
         * (private, loopback, link-local...): for tests and private deployments. A network
         * admits addresses of its own family only: an IPv4 one does not admit the IPv6 forms
         * that carry its addresses. Empty: none.
         */
        Optional<List<String>> allowedNetworks();
    }

    interface Feeds {
        /** Whether this instance polls CAP feeds (any number of instances may: each feed is polled by one at a time). */
        @WithDefault("true")
        boolean enabled();

        /** How often the pollers look for feeds that are due. */
        @WithDefault("1s")
        Duration tick();

        /** Feeds this instance polls at once, each on a poller thread of its own. */
        @WithDefault("4")
        int pollers();

        /**
         * How long one poll may go on taking new messages; what is left is taken by the next poll,
         * at once. Keeps a feed with a backlog, or a slow server, from holding a poller long.
         */
        @WithDefault("30s")
        Duration pollBudget();

        /** How long one request (an index or a message) may take, connect to last byte. */
        @WithDefault("15s")
        Duration requestTimeout();

        /** The largest index read; a larger one is a failed poll. Messages are held to the ingest body limit. */
        @WithDefault("8M")
        MemorySize maxIndexSize();

        /** New messages fetched in one poll; the rest wait for the next. */
        @WithDefault("200")
        int maxMessagesPerPoll();

        /**
         * Times a message that fails to fetch is tried before it is given up: at later polls, the
         * wait doubling from the feed's interval after each failure.
         */
        @WithDefault("10")
        int messageAttempts();

        /** The longest wait after failures (the interval doubles per failure up to this). */
        @WithDefault("1h")
        Duration maxBackoff();
    }

    /** CAP feeds polled. */
    Feeds feeds();

    interface History {
        /** Page size when the caller gives no {@code limit}. */
        @WithDefault("50")
        int defaultLimit();

        /** Largest {@code limit} a caller may ask for. */
        @WithDefault("500")
        int maxLimit();
    }

    interface Compat {
        /** Serve the compatible APIs at all. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Serve them without a token, to anyone: for a public mirror. Off, each request needs an
         * API key with the {@code reader} role.
         */
        @WithDefault("false")
        boolean open();

        /** Requests a minute one reader key may make; past it, 429 with Retry-After. */
        @WithDefault("600")
        int requestsPerMinute();

        /**
         * Of those, history requests a minute (a history is a query; alerts.in.ua allows two a
         * minute), per key or, without a token, per client address.
         */
        @WithDefault("30")
        int historyRequestsPerMinute();

        /** Requests a minute one client address may make without a token, when {@link #open()}. */
        @WithDefault("600")
        int anonymousRequestsPerMinute();

        /**
         * How long a change made on another replica may take to show, when the database's
         * notification of it is lost (always on H2, where there are none); this replica's own
         * changes show at once.
         */
        @WithDefault("2s")
        Duration refreshAtLeastEvery();

        /** The {@code disclaimer} of alerts.in.ua-style answers. */
        @WithDefault("Alerts as published to this airalert service by its authorised publishers.")
        String disclaimer();
    }

    interface Push {
        /**
         * URL prefixes a push endpoint must start with: the push services browsers use. A host
         * may begin with {@code *.} for any subdomain (Windows gives each region its own).
         * Plain {@code http} only for prefixes listed here explicitly (tests, a private push
         * service); endpoints are vetted like webhook targets as well.
         */
        @WithDefault("https://fcm.googleapis.com/,https://updates.push.services.mozilla.com/,"
                + "https://web.push.apple.com/,https://*.notify.windows.com/")
        List<String> services();

        /** Push subscriptions one client address may create a minute; past it, 429 with Retry-After. */
        @WithDefault("30")
        int subscriptionsPerMinute();

        /** Places one browser (one push endpoint) may follow. */
        @WithDefault("20")
        int maxPerEndpoint();

        /** Push subscriptions the service keeps at most; past it, new ones are refused (503). */
        @WithDefault("1000000")
        int maxSubscriptions();

        /** A push subscription its browser has not refreshed for this long is deleted. */
        @WithDefault("60d")
        Duration expireAfter();

        /** The VAPID {@code sub}: how a push service reaches the operator (a mailto: or https: URL). */
        @WithDefault("mailto:operator@airalert.invalid")
        String subject();

        /** Requests in flight at once from this instance to one push service (an origin such as FCM). */
        @WithDefault("128")
        int perServiceConcurrency();
    }
}
