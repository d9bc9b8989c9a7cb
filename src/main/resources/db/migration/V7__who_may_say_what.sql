-- Who may say what. A key names the person or system holding it, is bound to the senders it
-- may publish as (patterns: `*` any run of characters, `\*` and `\\` literal) and optionally
-- to regions, and carries the addresses whose restricted alerts it may read.
ALTER TABLE api_key ADD COLUMN holder VARCHAR(200);
UPDATE api_key SET holder = name;
ALTER TABLE api_key ALTER COLUMN holder SET NOT NULL;
-- Alerts a minute this key may publish; NULL: the configured default.
ALTER TABLE api_key ADD COLUMN publishes_per_minute INTEGER;

CREATE TABLE api_key_sender (
    key_id         UUID                     NOT NULL REFERENCES api_key (id),
    pattern        VARCHAR(2100)            NOT NULL,
    PRIMARY KEY (key_id, pattern)
);
-- Keys of the previous release go on publishing as the senders they already published as,
-- never as more (and never as "*"): those values are escaped, so they match only themselves.
INSERT INTO api_key_sender (key_id, pattern)
SELECT DISTINCT a.published_by, REPLACE(REPLACE(a.sender, '\', '\\'), '*', '\*')
FROM alert a JOIN api_key k ON k.id = a.published_by
WHERE k.roles LIKE '%publisher%';

CREATE TABLE api_key_region (
    key_id         UUID                     NOT NULL REFERENCES api_key (id),
    region_code    VARCHAR(32)              NOT NULL,
    PRIMARY KEY (key_id, region_code)
);

CREATE TABLE api_key_address (
    key_id         UUID                     NOT NULL REFERENCES api_key (id),
    address        VARCHAR(1024)            NOT NULL,
    PRIMARY KEY (key_id, address)
);

-- Messages of `sender` may Update or Cancel alerts of `acts_for` (an admin's decision).
CREATE TABLE sender_delegation (
    id             UUID                     NOT NULL PRIMARY KEY,
    sender         VARCHAR(1024)            NOT NULL,
    acts_for       VARCHAR(1024)            NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(64)              NOT NULL,
    CONSTRAINT uq_sender_delegation UNIQUE (sender, acts_for)
);

-- Trusted senders must sign their CAP with one of their certificates.
CREATE TABLE trusted_sender (
    id             UUID                     NOT NULL PRIMARY KEY,
    sender         VARCHAR(1024)            NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(64)              NOT NULL,
    CONSTRAINT uq_trusted_sender UNIQUE (sender)
);
CREATE TABLE trusted_sender_certificate (
    id                 UUID                     NOT NULL PRIMARY KEY,
    trusted_sender_id  UUID                     NOT NULL REFERENCES trusted_sender (id) ON DELETE CASCADE,
    sha256             VARCHAR(64)              NOT NULL,
    subject            VARCHAR(1000)            NOT NULL,
    issuer             VARCHAR(1000)            NOT NULL,
    not_before         TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after          TIMESTAMP WITH TIME ZONE NOT NULL,
    der                BYTEA                    NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(64)              NOT NULL,
    CONSTRAINT uq_trusted_sender_certificate UNIQUE (trusted_sender_id, sha256)
);

-- Every alert's signature verdict: verified (by which certificate), unsigned, unverifiable,
-- invalid. Stored alerts are given theirs by the next migration.
ALTER TABLE alert ADD COLUMN signature_verdict VARCHAR(16) DEFAULT 'unsigned' NOT NULL;
ALTER TABLE alert ADD COLUMN signature_certificate VARCHAR(64);
ALTER TABLE alert ADD COLUMN signature_subject VARCHAR(1000);
ALTER TABLE alert ADD COLUMN signature_reason VARCHAR(500);
ALTER TABLE alert ADD COLUMN published_by_holder VARCHAR(200);
-- (sender, identifier) is held by copy 0. A verified copy that arrives after an unverified
-- one took the pair moves that one aside (copy 1, 2, ...): it is never shadowed.
ALTER TABLE alert ADD COLUMN copy_no INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE alert DROP CONSTRAINT uq_alert_sender_identifier;
ALTER TABLE alert ADD CONSTRAINT uq_alert_sender_identifier_copy UNIQUE (sender, identifier, copy_no);
-- Four eyes: the rule that held the alert for approval, and the decision on it.
ALTER TABLE alert ADD COLUMN approval_rule UUID;
ALTER TABLE alert ADD COLUMN decision VARCHAR(16);
ALTER TABLE alert ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE alert ADD COLUMN decided_by VARCHAR(64);
ALTER TABLE alert ADD COLUMN decided_by_holder VARCHAR(200);

-- The addresses of Restricted and Private alerts: who may read them.
CREATE TABLE alert_address (
    alert_id       UUID                     NOT NULL REFERENCES alert (id),
    address        VARCHAR(1024)            NOT NULL,
    PRIMARY KEY (alert_id, address)
);
CREATE INDEX ix_alert_address ON alert_address (address, alert_id);

-- Per key or per sender: Actual alerts of these severities and message types wait for a
-- second person. Empty severities: any.
CREATE TABLE approval_rule (
    id             UUID                     NOT NULL PRIMARY KEY,
    key_id         UUID,
    sender         VARCHAR(1024),
    severities     VARCHAR(100)             NOT NULL,
    msg_types      VARCHAR(100)             NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by     VARCHAR(64)              NOT NULL
);

-- A Cancel prepared for an alert, kept as the bytes the publisher sent (so it can be signed).
CREATE TABLE prepared_cancel (
    alert_id       UUID                     NOT NULL PRIMARY KEY REFERENCES alert (id),
    content_type   VARCHAR(100)             NOT NULL,
    body           BYTEA                    NOT NULL,
    stored_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_by      VARCHAR(64)              NOT NULL
);

-- Who can read an event: public, or restricted to the alert's addresses and its publisher.
ALTER TABLE alert_event ADD COLUMN audience VARCHAR(16) DEFAULT 'public' NOT NULL;
ALTER TABLE alert_event ADD COLUMN published_by UUID;

-- A revoked key's subscriptions stop at once.
ALTER TABLE subscription ADD COLUMN owner_revoked_at TIMESTAMP WITH TIME ZONE;
-- Webhook secrets are stored encrypted with the master key (longer than the plain secret).
ALTER TABLE subscription ALTER COLUMN secret SET DATA TYPE VARCHAR(500);
ALTER TABLE subscription ALTER COLUMN previous_secret SET DATA TYPE VARCHAR(500);

-- The audit trail: append-only; rows leave only by age (airalert.audit.retention).
CREATE TABLE audit_event (
    id             UUID                     NOT NULL PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    action         VARCHAR(40)              NOT NULL,
    outcome        VARCHAR(16)              NOT NULL,
    key_id         VARCHAR(64),
    holder         VARCHAR(200),
    sender         VARCHAR(1024),
    alert_id       UUID,
    client_address VARCHAR(64),
    detail         VARCHAR(2000)
);
CREATE INDEX ix_audit_at ON audit_event (at DESC, id DESC);
CREATE INDEX ix_audit_key ON audit_event (key_id, at DESC, id DESC);
CREATE INDEX ix_audit_sender ON audit_event (sender, at DESC, id DESC);
CREATE INDEX ix_audit_alert ON audit_event (alert_id);

-- Secrets and private keys the service creates for itself, encrypted with the master key;
-- created once by whichever replica gets there first.
CREATE TABLE service_secret (
    name           VARCHAR(100)             NOT NULL PRIMARY KEY,
    sealed_value   VARCHAR(8000)            NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
