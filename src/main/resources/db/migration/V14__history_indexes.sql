-- A history search for regions or events starts from these rows: the newest of each region
-- code (or event) in the order pages are cut in, the id breaking ties of sent_at, so a page is
-- the head of a merge of one index range per code and a cursor is a bound on each range.
-- They replace the indexes of V1 whose id was ascending: no merge could use those as sorted.
CREATE INDEX ix_alert_region_sent ON alert_region (region_code, sent_at DESC, alert_id DESC);
DROP INDEX ix_alert_region_code;
CREATE INDEX ix_alert_info_event_sent ON alert_info (event_key, sent_at DESC, alert_id DESC);
DROP INDEX ix_alert_info_event;
