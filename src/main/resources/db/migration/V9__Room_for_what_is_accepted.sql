-- Every value the API accepts must fit where it is stored. A Cancel may end up to
-- airalert.ingest.max-references alerts (2,000 by default), each id 37 characters in
-- related_alert_ids; a subscription may filter on 50 events of up to 256 characters and 10
-- languages of up to 64. Widening a VARCHAR rewrites nothing on PostgreSQL.
ALTER TABLE alert_event ALTER COLUMN related_alert_ids SET DATA TYPE VARCHAR;
ALTER TABLE subscription ALTER COLUMN events SET DATA TYPE VARCHAR;
ALTER TABLE subscription ALTER COLUMN languages SET DATA TYPE VARCHAR;
