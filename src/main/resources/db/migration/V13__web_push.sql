-- Web Push subscriptions are subscriptions of format 'webpush', owned by no key: their url is
-- the browser's push endpoint, their sealed secret its keys (p256dh and auth).
-- endpoint_key: SHA-256 of the endpoint, so a browser's subscriptions are found (one push per
-- browser and event; a cap per browser) without an index on a 2,048-character column.
ALTER TABLE subscription ADD COLUMN endpoint_key VARCHAR(64);
CREATE INDEX ix_subscription_endpoint_key ON subscription (endpoint_key);
-- SHA-256 of the unsubscribe token the browser got at creation: it alone may move or delete it.
ALTER TABLE subscription ADD COLUMN token_hash VARCHAR(64);
-- When the browser last confirmed it (created, moved, refreshed): stale ones expire.
ALTER TABLE subscription ADD COLUMN refreshed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_subscription_format_refreshed ON subscription (format, refreshed_at);
-- A subscription that wants an alert even when it was delivered after the alert expired or
-- was ended (the old behaviour); by default such a delivery is recorded and not sent.
ALTER TABLE subscription ADD COLUMN deliver_late BOOLEAN DEFAULT FALSE NOT NULL;
-- The place a push subscription was made for (its first region): a notification's click opens the map there.
ALTER TABLE subscription ADD COLUMN place VARCHAR(64);
