-- Direct fan-out: the instance that fans out an event holds it in the outbox under a short
-- lease (renewed while it works) and sends first attempts straight away; a delivery row is
-- written with the first attempt's outcome, or earlier if that attempt takes long. The
-- event leaves the outbox when every subscriber's delivery row exists. If the instance dies,
-- the lease runs out and another instance fans the event out again, skipping subscribers
-- that already have a delivery of it.
ALTER TABLE event_outbox ADD COLUMN leased_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_delivery_event ON delivery (event_seq, subscription_id);
