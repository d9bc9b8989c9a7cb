-- Alerts as published, plus the columns history queries filter and sort on.
-- Written in the SQL that PostgreSQL and H2 both accept: Flyway is the only schema source.

CREATE TABLE alert (
    id             UUID                     NOT NULL PRIMARY KEY,
    sender         VARCHAR(1024)            NOT NULL,
    identifier     VARCHAR(1024)            NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(16)              NOT NULL,
    msg_type       VARCHAR(16)              NOT NULL,
    scope          VARCHAR(16)              NOT NULL,
    -- active | updated | cancelled | not-actual; "expired" is derived from expires_at
    state          VARCHAR(16)              NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE,
    replaced_by    UUID,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by   UUID,
    source_format  VARCHAR(8)               NOT NULL,
    content_hash   VARCHAR(64)              NOT NULL,
    -- the alert as canonical CAP JSON; the original XML is kept byte for byte beside it
    document       VARCHAR                  NOT NULL,
    original_xml   BYTEA,
    CONSTRAINT uq_alert_sender_identifier UNIQUE (sender, identifier)
);
-- History is newest first; keyset pagination walks these indexes.
CREATE INDEX ix_alert_sent ON alert (sent_at DESC, id DESC);
CREATE INDEX ix_alert_status_sent ON alert (status, sent_at DESC, id DESC);
CREATE INDEX ix_alert_sender_sent ON alert (sender, sent_at DESC, id DESC);
CREATE INDEX ix_alert_state_expires ON alert (state, expires_at);

-- One row per <info>: what event/severity/urgency/certainty filters look at.
CREATE TABLE alert_info (
    alert_id       UUID                     NOT NULL REFERENCES alert (id),
    position       INTEGER                  NOT NULL,
    language       VARCHAR(64)              NOT NULL,
    event_key      VARCHAR(512)             NOT NULL,
    urgency        VARCHAR(16)              NOT NULL,
    severity_rank  SMALLINT                 NOT NULL,
    certainty      VARCHAR(16)              NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (alert_id, position)
);
CREATE INDEX ix_alert_info_event ON alert_info (event_key, sent_at DESC, alert_id);
CREATE INDEX ix_alert_info_severity ON alert_info (severity_rank, sent_at DESC, alert_id);

-- Region codes an alert was resolved to; sent_at is copied so a region's history is
-- one index range scan in time order.
CREATE TABLE alert_region (
    alert_id       UUID                     NOT NULL REFERENCES alert (id),
    region_code    VARCHAR(32)              NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (alert_id, region_code)
);
CREATE INDEX ix_alert_region_code ON alert_region (region_code, sent_at DESC, alert_id);

-- CAP references (sender,identifier,sent) of Update/Cancel messages. Kept even when the
-- referenced alert is unknown, so that it takes effect when that alert arrives later.
CREATE TABLE alert_reference (
    alert_id       UUID                     NOT NULL REFERENCES alert (id),
    position       INTEGER                  NOT NULL,
    ref_sender     VARCHAR(1024)            NOT NULL,
    ref_identifier VARCHAR(1024)            NOT NULL,
    ref_sent       VARCHAR(32)              NOT NULL,
    PRIMARY KEY (alert_id, position)
);
CREATE INDEX ix_alert_reference_target ON alert_reference (ref_sender, ref_identifier);

-- API keys: only a SHA-256 of the secret is stored; the secret is shown once.
CREATE TABLE api_key (
    id             UUID                     NOT NULL PRIMARY KEY,
    name           VARCHAR(200)             NOT NULL,
    roles          VARCHAR(200)             NOT NULL,
    prefix         VARCHAR(16)              NOT NULL,
    secret_hash    VARCHAR(64)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_key_secret_hash UNIQUE (secret_hash)
);
