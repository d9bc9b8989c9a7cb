-- Events still to publish through each message broker connector that is switched on. Rows
-- are written in the publish transaction, claimed with FOR UPDATE SKIP LOCKED and leased by
-- moving due_at forward, and deleted only when the broker has confirmed every message of
-- the event; a broker that is down only delays them.
CREATE TABLE broker_outbox (
    connector           VARCHAR(16)              NOT NULL,
    event_seq           BIGINT                   NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts            INTEGER                  NOT NULL,
    PRIMARY KEY (connector, event_seq)
);
CREATE INDEX ix_broker_outbox_due ON broker_outbox (connector, due_at);
