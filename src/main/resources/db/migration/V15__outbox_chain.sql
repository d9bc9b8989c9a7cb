-- The fan-out picks the oldest outbox events whose chain has no earlier event still in the
-- outbox. With the chain in the outbox row, that is one probe of this index per candidate;
-- before, it joined the event log twice per candidate, and while a burst filled the outbox
-- faster than statistics followed, the plan chosen for an empty table scanned the log for
-- every row and the pick outlived the transaction timeout.
ALTER TABLE event_outbox ADD COLUMN chain_key VARCHAR(64);
UPDATE event_outbox SET chain_key = (SELECT e.chain_key FROM alert_event e WHERE e.seq = event_outbox.event_seq);
ALTER TABLE event_outbox ALTER COLUMN chain_key SET NOT NULL;
CREATE INDEX ix_event_outbox_chain ON event_outbox (chain_key, event_seq);
