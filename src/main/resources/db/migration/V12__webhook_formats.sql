-- The form a subscription's deliveries take: 'standard' (Standard Webhooks, our own body) or
-- 'ukrainealarm' (ukrainealarm's v3 webhook body, RSA-signed; registered at /api/v3/webhook).
ALTER TABLE subscription ADD COLUMN format VARCHAR(16) DEFAULT 'standard' NOT NULL;
-- '<owner>/<format>' for a format a key may have one subscription of (ukrainealarm's webhook),
-- null otherwise: two replicas registering at once cannot make two.
ALTER TABLE subscription ADD COLUMN one_per_owner VARCHAR(100);
ALTER TABLE subscription ADD CONSTRAINT uq_subscription_one_per_owner UNIQUE (one_per_owner);
