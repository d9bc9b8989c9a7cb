-- CAP feeds an operator asked the service to poll: an Atom or RSS index of CAP messages, or one
-- CAP document, fetched every poll_interval_seconds and published as the key publisher_key.
CREATE TABLE feed (
    id                    UUID                     NOT NULL PRIMARY KEY,
    url                   VARCHAR(2048)            NOT NULL,
    -- The URL's SHA-256: one feed a URL, whoever adds it at the same moment.
    url_key               VARCHAR(64)              NOT NULL,
    format                VARCHAR(8)               NOT NULL,
    poll_interval_seconds INTEGER                  NOT NULL,
    publisher_key         UUID                     NOT NULL,
    enabled               BOOLEAN                  DEFAULT TRUE NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            VARCHAR(200),
    -- When the feed is next polled; a replica that claims it moves this to the end of its lease,
    -- so no other polls it meanwhile, and one that dies only delays it until the lease ends.
    next_poll_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The end of the lease of the poll under way (null: none). A poll writes its end only while
    -- this is still its own lease, so a poll that outlived its lease changes nothing.
    leased_until          TIMESTAMP WITH TIME ZONE,
    -- The validators of the last index read, sent back as If-None-Match / If-Modified-Since.
    etag                  VARCHAR(1024),
    last_modified         VARCHAR(100),
    last_poll_at          TIMESTAMP WITH TIME ZONE,
    last_change_at        TIMESTAMP WITH TIME ZONE,
    last_success_at       TIMESTAMP WITH TIME ZONE,
    last_error            VARCHAR(1000),
    last_error_at         TIMESTAMP WITH TIME ZONE,
    consecutive_failures  INTEGER                  DEFAULT 0 NOT NULL,
    polls                 BIGINT                   DEFAULT 0 NOT NULL,
    not_modified          BIGINT                   DEFAULT 0 NOT NULL,
    failed_polls          BIGINT                   DEFAULT 0 NOT NULL
);
CREATE INDEX ix_feed_due ON feed (next_poll_at);
CREATE UNIQUE INDEX uq_feed_url ON feed (url_key);

-- Each message a feed listed, once: a link (its URL) or a CAP document carried in an entry (its
-- digest). 'failing' ones are tried again while the index lists them, up to a limit
-- ('abandoned'); the others are never fetched or ingested again. Rows of messages the index has
-- not listed for 30 days are let go.
CREATE TABLE feed_message (
    feed_id     UUID                     NOT NULL REFERENCES feed (id) ON DELETE CASCADE,
    item_key    VARCHAR(64)              NOT NULL,
    url         VARCHAR(2048),
    first_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    settled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- ingested | repeated | refused | failing | abandoned
    outcome     VARCHAR(16)              NOT NULL,
    attempts    INTEGER                  NOT NULL,
    alert_id    UUID,
    problem     VARCHAR(1000),
    PRIMARY KEY (feed_id, item_key)
);
CREATE INDEX ix_feed_message_settled ON feed_message (feed_id, settled_at DESC);
