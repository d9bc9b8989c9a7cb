-- The form a subscription's deliveries take: 'standard' (Standard Webhooks, our own body) or
-- 'ukrainealarm' (ukrainealarm's v3 webhook body, RSA-signed; registered at /api/v3/webhook).
ALTER TABLE subscription ADD COLUMN format VARCHAR(16) DEFAULT 'standard' NOT NULL;
CREATE INDEX ix_subscription_owner_format ON subscription (owner, format);
