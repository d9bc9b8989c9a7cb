-- The CAP version an alert was written in ('1.2', '1.1', '1.0'): older versions are read into
-- the CAP 1.2 model, and their original bytes are what is served back.
ALTER TABLE alert ADD COLUMN cap_version VARCHAR(3) DEFAULT '1.2' NOT NULL;
-- The charset the original bytes are in when they do not name it themselves (no byte order
-- mark, no encoding in the XML declaration) and the request's Content-Type did; null otherwise.
ALTER TABLE alert ADD COLUMN original_charset VARCHAR(40);
